import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { useEffect } from 'react';
import { errorMessage } from '../profiles/utils';
import { FieldSet } from '../shared';
import {
  CostEstimateUiOptions,
  costRequestOf,
  describeCostEstimate,
  listMissing,
} from './costEstimate';
import { CostEstimateView } from './CostEstimateView';
import { useCostEstimate } from './useCostEstimate';

/**
 * A read-only scaffolder field (`ui:field: PaletteCostEstimate`) for the
 * last parameters step: what the whole request would cost, per month and
 * per hour, with its breakdown. Its value is that estimate in one line
 * (`$412–$780 per month ($0.56–$1.07 per hour)`) so that the review step
 * lists it; it is informational, and no action takes it.
 *
 * It reads the request from the form as `ui:options` say (see
 * `CostEstimateUiOptions`); until the form has what the cost depends on,
 * it says what is missing.
 */
export const PaletteCostEstimate = (
  props: FieldExtensionComponentProps<string, CostEstimateUiOptions>,
) => {
  const { formData, onChange, schema, uiSchema, formContext, rawErrors } =
    props;
  const shape = costRequestOf(
    formContext?.formData,
    uiSchema?.['ui:options'] ?? {},
  );
  const estimate = useCostEstimate(shape.request);

  // The review lists the value as it is when the user moves on; while the
  // request changes there is none, so that a stale figure is never shown.
  let value: string | undefined;
  if (shape.missing)
    value = `Not estimated: needs ${listMissing(shape.missing)}`;
  else if (estimate.current && estimate.value)
    value = describeCostEstimate(estimate.value);
  else if (estimate.current && estimate.error)
    value = `Not estimated: ${errorMessage(estimate.error)}`;
  useEffect(() => {
    if (value !== formData) onChange(value);
  }, [value, formData, onChange]);

  return (
    <FieldSet
      title={schema?.title ?? 'Estimated cost'}
      description={schema?.description}
      errors={rawErrors ?? []}
    >
      <CostEstimateView
        estimate={estimate.value}
        loading={estimate.loading}
        error={estimate.error}
        missing={shape.missing}
      />
    </FieldSet>
  );
};
