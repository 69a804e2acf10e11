import { Progress, WarningPanel } from '@backstage/core-components';
import { ReactNode } from 'react';
import { useCanReadFleet } from '../../hooks';

/**
 * Its children for those who may read fleet cost and compliance
 * (`palette.fleet.read`); for others, why the page is empty.
 */
export const FleetGate = ({
  what,
  children,
}: {
  /** What the page shows, e.g. `fleet cost`. */
  what: string;
  children: ReactNode;
}) => {
  const { loading, allowed } = useCanReadFleet();
  if (loading) return <Progress />;
  if (!allowed)
    return (
      <WarningPanel
        severity="info"
        title={`You may not read ${what}`}
        message={`Reading ${what} across the fleet needs the palette.fleet.read permission. Ask your platform team for it; each cluster's own page still shows its cost and compliance.`}
      />
    );
  return <>{children}</>;
};
