import { createRouteRef } from '@backstage/core-plugin-api';

/** The Palette page. @public */
export const rootRouteRef = createRouteRef({ id: 'palette' });
