import { InfoCard, Progress } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Timeline from '@material-ui/lab/Timeline';
import TimelineConnector from '@material-ui/lab/TimelineConnector';
import TimelineContent from '@material-ui/lab/TimelineContent';
import TimelineDot from '@material-ui/lab/TimelineDot';
import TimelineItem from '@material-ui/lab/TimelineItem';
import TimelineOppositeContent from '@material-ui/lab/TimelineOppositeContent';
import TimelineSeparator from '@material-ui/lab/TimelineSeparator';
import Alert from '@material-ui/lab/Alert';
import { ClusterEvent } from '@palette-backstage/plugin-palette-common';
import {
  errorMessage,
  formatDateTime,
  humanizeOwner,
} from '../../profiles/utils';
import { PhaseChip } from '../ClusterChips';

const useStyles = makeStyles(theme => ({
  time: { flex: 0.25, minWidth: 140 },
  heading: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    flexWrap: 'wrap',
  },
  timeline: { margin: 0, padding: theme.spacing(0, 1) },
}));

const DOT_COLORS: Record<
  ClusterEvent['type'],
  'primary' | 'secondary' | 'grey' | 'inherit'
> = {
  phase: 'primary',
  action: 'grey',
  drift: 'inherit',
  error: 'secondary',
};

const TYPE_LABELS: Record<ClusterEvent['type'], string> = {
  phase: 'Phase',
  action: 'Action',
  drift: 'Drift',
  error: 'Error',
};

/** A cluster's timeline, newest first: phase changes, actions, drift and errors. */
export const EventTimeline = ({
  events,
  error,
}: {
  events?: ClusterEvent[];
  error?: Error;
}) => {
  const classes = useStyles();
  let body;
  if (!events) {
    body = error ? (
      <Alert severity="error">
        Could not load the events: {errorMessage(error)}
      </Alert>
    ) : (
      <Progress />
    );
  } else if (!events.length) {
    body = (
      <Typography color="textSecondary">
        No events yet. Phase changes and actions on the cluster are recorded
        here.
      </Typography>
    );
  } else {
    body = (
      <Timeline className={classes.timeline} aria-label="Events">
        {events.map((event, i) => (
          <TimelineItem key={event.id}>
            <TimelineOppositeContent className={classes.time}>
              <Typography variant="body2" color="textSecondary">
                {formatDateTime(event.at)}
              </Typography>
            </TimelineOppositeContent>
            <TimelineSeparator>
              <TimelineDot
                color={DOT_COLORS[event.type]}
                variant={event.type === 'action' ? 'outlined' : 'default'}
              />
              {i < events.length - 1 && <TimelineConnector />}
            </TimelineSeparator>
            <TimelineContent>
              <div className={classes.heading}>
                {event.phase ? (
                  <PhaseChip phase={event.phase} />
                ) : (
                  <Typography variant="caption">
                    {TYPE_LABELS[event.type]}
                  </Typography>
                )}
                <Typography variant="subtitle2">{event.reason}</Typography>
              </div>
              <Typography variant="body2">{event.message}</Typography>
              {event.actor && (
                <Typography variant="caption" color="textSecondary">
                  by {humanizeOwner(event.actor)}
                </Typography>
              )}
            </TimelineContent>
          </TimelineItem>
        ))}
      </Timeline>
    );
  }
  return (
    <InfoCard title="Events" subheader="Newest first">
      {body}
    </InfoCard>
  );
};
