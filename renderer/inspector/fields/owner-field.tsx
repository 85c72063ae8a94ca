import { isBlank } from '../../../shared/model/blank-text';
import type { OnFieldChange } from './field-change';
import { TextField } from './text-field';

interface OwnerFieldProps {
  label: string;
  fieldKey: string;
  value: string;
  onChange: OnFieldChange<string>;
}

/** An owner's free text, which warns where it looks written but names no one (a zero-width space: the field looks empty). */
export function OwnerField(props: OwnerFieldProps) {
  const namesNoOne = props.value !== '' && isBlank(props.value);
  return (
    <TextField
      {...props}
      warning={namesNoOne ? 'Only spaces or invisible characters: this names no owner.' : undefined}
    />
  );
}
