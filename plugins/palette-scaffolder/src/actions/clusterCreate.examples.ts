import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Shown in the portal's list of installed actions. */
export const examples: TemplateExample[] = [
  {
    description:
      'A development cluster on the local Dev provider, from template parameters',
    example: yaml.stringify({
      steps: [
        {
          id: 'create',
          name: 'Request the cluster',
          action: 'palette:cluster:create',
          input: {
            name: '${{ parameters.name }}',
            profile: '${{ parameters.profile }}',
            cloudAccount: 'local',
            region: 'local',
            controlPlane: { replicas: 1 },
            workerPools: [
              { name: 'workers', instanceType: 'medium', count: 2 },
            ],
            owner: '${{ parameters.owner }}',
            project: '${{ parameters.project }}',
            environment: 'dev',
          },
        },
      ],
    }),
  },
  {
    description:
      'A production cluster on AWS with an add-on profile, variables, and an autoscaled, tainted pool; governance may hold it for approval',
    example: yaml.stringify({
      steps: [
        {
          id: 'create',
          name: 'Request the cluster',
          action: 'palette:cluster:create',
          input: {
            name: 'payments-prod',
            profile: { name: 'aws-infra', version: '1.1.0' },
            addOnProfiles: [{ name: 'observability', version: '1.0.0' }],
            variables: { metricsRetention: '30d' },
            cloudAccount: 'aws-sandbox',
            region: 'eu-west-1',
            controlPlane: { replicas: 3, instanceType: 'm5.large' },
            workerPools: [
              {
                name: 'general',
                instanceType: 'm5.xlarge',
                count: 3,
                autoscaling: { min: 3, max: 10 },
              },
              {
                name: 'batch',
                instanceType: 'c5.2xlarge',
                count: 0,
                autoscaling: { min: 0, max: 5 },
                labels: { workload: 'batch' },
                taints: [
                  { key: 'workload', value: 'batch', effect: 'NoSchedule' },
                ],
              },
            ],
            owner: 'group:default/team-apollo',
            project: 'system:default/payments',
            environment: 'production',
          },
        },
      ],
      output: {
        links: [
          {
            title: 'Cluster status',
            url: '${{ steps.create.output.statusUrl }}',
          },
        ],
      },
    }),
  },
];
