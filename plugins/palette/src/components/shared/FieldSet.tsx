import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

/**
 * A group of inputs that is one field of a larger form (e.g. a scaffolder
 * field): a legend, a description, the inputs, then the field's errors.
 */
export const FieldSet = ({
  title,
  description,
  descriptionParagraph,
  required,
  errors,
  children,
}: {
  title: string;
  description?: string;
  /** Space below the description. */
  descriptionParagraph?: boolean;
  required?: boolean;
  errors: readonly string[];
  children: ReactNode;
}) => (
  <FormControl
    fullWidth
    margin="normal"
    required={required}
    error={errors.length > 0}
    component="fieldset"
  >
    <Typography variant="subtitle1" component="legend">
      {title}
    </Typography>
    {description && (
      <Typography
        variant="body2"
        color="textSecondary"
        paragraph={descriptionParagraph}
      >
        {description}
      </Typography>
    )}
    {children}
    {errors.map(text => (
      <FormHelperText key={text} error>
        {text}
      </FormHelperText>
    ))}
  </FormControl>
);
