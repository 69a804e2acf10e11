import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { WorkerPool } from '@palette-backstage/plugin-palette-common';
import { useEffect, useMemo, useRef, useState } from 'react';
import { PoolForm } from '../clusters/request';
import { WorkerPoolsEditor } from '../clusters/request/WorkerPoolFields';
import { groupMessagesByField } from '../clusters/utils';
import { FieldSet } from '../shared';
import {
  NodePoolEditorUiOptions,
  poolFormMessages,
  toPoolForms,
  toPoolsValue,
} from './nodePools';

/**
 * A scaffolder field (`ui:field: PaletteNodePoolEditor`) that edits a
 * cluster's worker pools with the cluster request dialog's own editor:
 * add and remove pools, name, instance type, node count and autoscaling
 * bounds. Its value is an array of palette-common `WorkerPool`s (labels and
 * taints given by the template are kept). Problems show next to their
 * inputs once the form has been checked.
 */
export const PaletteNodePoolEditor = (
  props: FieldExtensionComponentProps<WorkerPool[], NodePoolEditorUiOptions>,
) => {
  const {
    formData,
    onChange,
    rawErrors = [],
    required,
    disabled,
    readonly,
    schema,
    uiSchema,
  } = props;
  const defaultInstanceType = uiSchema?.['ui:options']?.defaultInstanceType;
  const [initial] = useState(() => toPoolForms(formData, defaultInstanceType));
  const [forms, setForms] = useState<PoolForm[]>(initial.forms);
  const extras = useRef(initial.extras);

  // A form that starts empty gets the first pool as its value.
  useEffect(() => {
    if (!Array.isArray(formData) || formData.length === 0)
      onChange(toPoolsValue(initial.forms, extras.current));
    // Only once, for the value the field started with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const change = (next: PoolForm[]) => {
    setForms(next);
    onChange(toPoolsValue(next, extras.current));
  };

  // Messages next to inputs once the form was checked (it says so in rawErrors).
  const checked = rawErrors.length > 0;
  const { messagesOf } = useMemo(
    () =>
      groupMessagesByField(checked ? poolFormMessages(forms) : [], () => true),
    [checked, forms],
  );

  return (
    <FieldSet
      title={schema?.title ?? 'Worker pools'}
      description={schema?.description}
      descriptionParagraph
      required={required}
      errors={rawErrors}
    >
      <WorkerPoolsEditor
        pools={forms}
        onChange={change}
        messagesOf={messagesOf}
        disabled={disabled || readonly}
      />
    </FieldSet>
  );
};
