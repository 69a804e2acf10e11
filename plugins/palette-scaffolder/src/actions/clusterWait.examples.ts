import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Shown in the portal's list of installed actions. */
export const examples: TemplateExample[] = [
  {
    description: 'Waits for the cluster a previous step requested',
    example: yaml.stringify({
      steps: [
        {
          id: 'wait',
          name: 'Wait until the cluster runs',
          action: 'palette:cluster:wait',
          input: { name: '${{ steps.create.output.name }}' },
        },
      ],
    }),
  },
  {
    description:
      'Waits up to a day, polling every 30 seconds, for a cluster that needs an approval first',
    example: yaml.stringify({
      steps: [
        {
          id: 'wait',
          name: 'Wait for approval and provisioning',
          action: 'palette:cluster:wait',
          input: {
            name: '${{ steps.create.output.name }}',
            timeoutMinutes: 1440,
            pollSeconds: 30,
          },
        },
      ],
      output: {
        text: [
          {
            title: 'API server',
            content: '${{ steps.wait.output.apiServer }}',
          },
        ],
      },
    }),
  },
];
