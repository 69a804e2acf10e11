import { CodeSnippet } from '@backstage/core-components';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { RenderedObject } from '@palette-backstage/plugin-palette-common';
import { useMemo } from 'react';
import { countByKind, plural } from '../utils';
import { toYamlDocuments } from '../yaml';

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(0.5),
  },
  details: { display: 'block', maxHeight: 480, overflow: 'auto' },
}));

/**
 * The objects a request renders to, collapsed to a count per kind, and as
 * YAML when opened.
 */
export const ManifestsView = ({
  manifests,
  title = 'Rendered manifests',
}: {
  manifests: RenderedObject[];
  title?: string;
}) => {
  const classes = useStyles();
  const kinds = countByKind(manifests);
  const yaml = useMemo(() => toYamlDocuments(manifests), [manifests]);
  return (
    <Accordion TransitionProps={{ unmountOnExit: true }}>
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        aria-controls="rendered-manifests"
        id="rendered-manifests-header"
      >
        <div className={classes.summary}>
          <Typography variant="subtitle2">
            {title}: {plural(manifests.length, 'object')}
          </Typography>
          {kinds.map(k => (
            <Chip
              key={k.kind}
              size="small"
              variant="outlined"
              label={`${k.kind} ${k.count}`}
            />
          ))}
        </div>
      </AccordionSummary>
      <AccordionDetails id="rendered-manifests" className={classes.details}>
        <CodeSnippet text={yaml} language="yaml" showCopyCodeButton />
      </AccordionDetails>
    </Accordion>
  );
};
