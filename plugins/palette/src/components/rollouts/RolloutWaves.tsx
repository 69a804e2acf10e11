import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Step from '@material-ui/core/Step';
import StepContent from '@material-ui/core/StepContent';
import StepLabel from '@material-ui/core/StepLabel';
import Stepper from '@material-ui/core/Stepper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  Rollout,
  RolloutCluster,
} from '@palette-backstage/plugin-palette-common';
import { clusterRouteRef } from '../../routes';
import { plural } from '../clusters/utils';
import { formatDateTime } from '../profiles/utils';
import { SimpleColumn, SimpleTable } from '../shared';
import { RolloutClusterStatusChip, WaveStatusChip } from './RolloutChips';
import { skippedClusters, waveTitle } from './status';

const useStyles = makeStyles(theme => ({
  stepper: { padding: theme.spacing(1, 0) },
  label: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    flexWrap: 'wrap',
  },
  message: { color: theme.palette.text.secondary, maxWidth: 420 },
  skipped: { marginTop: theme.spacing(2) },
}));

/** A cluster's name, linking to its page under Palette. */
const ClusterLink = ({ name }: { name: string }) => {
  const clusterLink = useRouteRef(clusterRouteRef);
  return <Link to={clusterLink({ name })}>{name}</Link>;
};

/**
 * A rollout's waves, top to bottom, each with its clusters. A `plan` (a dry
 * run) shows which clusters each wave would move; a stored rollout also
 * shows how each fared. Skipped clusters are listed apart, with why.
 */
export const RolloutWaves = ({
  rollout,
  plan = false,
}: {
  rollout: Pick<Rollout, 'waves' | 'targetVersion'>;
  plan?: boolean;
}) => {
  const classes = useStyles();
  const skipped = skippedClusters(rollout);
  const columns: SimpleColumn<RolloutCluster>[] = [
    { title: 'Cluster', value: c => <ClusterLink name={c.name} /> },
    {
      title: 'Version',
      value: c => `${c.fromVersion} → ${rollout.targetVersion}`,
    },
  ];
  if (!plan)
    columns.push(
      {
        title: 'Status',
        value: c => <RolloutClusterStatusChip status={c.status} />,
      },
      {
        title: 'Message',
        value: c => (
          <Typography variant="body2" className={classes.message}>
            {c.message ?? ''}
          </Typography>
        ),
      },
      {
        title: 'Started',
        value: c => (c.startedAt ? formatDateTime(c.startedAt) : '—'),
      },
      {
        title: 'Finished',
        value: c => (c.finishedAt ? formatDateTime(c.finishedAt) : '—'),
      },
    );

  const waves = rollout.waves
    .map(w => ({
      ...w,
      clusters: w.clusters.filter(c => c.status !== 'Skipped'),
    }))
    .filter(w => w.clusters.length > 0);

  return (
    <>
      {waves.length === 0 ? (
        <Typography color="textSecondary">
          No cluster would move: none of the selected clusters runs an older
          version of the profile.
        </Typography>
      ) : (
        <Stepper
          orientation="vertical"
          className={classes.stepper}
          activeStep={-1}
          aria-label="Waves"
        >
          {waves.map((wave, i) => (
            <Step
              key={wave.index}
              expanded
              completed={!plan && wave.status === 'Succeeded'}
              aria-label={waveTitle(wave, i)}
            >
              <StepLabel error={!plan && wave.status === 'Failed'}>
                <span className={classes.label}>
                  <strong>{waveTitle(wave, i)}</strong>
                  <span>{plural(wave.clusters.length, 'cluster')}</span>
                  {!plan && <WaveStatusChip status={wave.status} />}
                </span>
              </StepLabel>
              <StepContent>
                <SimpleTable
                  label={`Clusters of ${waveTitle(wave, i)}`}
                  columns={columns}
                  rows={wave.clusters}
                  rowKey={c => c.name}
                />
              </StepContent>
            </Step>
          ))}
        </Stepper>
      )}
      {skipped.length > 0 && (
        <div className={classes.skipped}>
          <Typography variant="subtitle2">
            Skipped ({skipped.length})
          </Typography>
          <SimpleTable
            label="Skipped clusters"
            columns={[
              { title: 'Cluster', value: c => <ClusterLink name={c.name} /> },
              { title: 'Version', value: c => c.fromVersion },
              { title: 'Why', value: c => c.message ?? 'Not eligible' },
            ]}
            rows={skipped}
            rowKey={c => c.name}
          />
        </div>
      )}
    </>
  );
};
