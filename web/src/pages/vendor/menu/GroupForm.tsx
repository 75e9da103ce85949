import { useId, useRef, useState, type FormEvent } from 'react';
import type { OptionGroup, OptionGroupWrite } from '../../../api/types';
import { CheckboxField, SelectField, TextField } from '../../../components/Field';
import { FormErrors, fieldErrors } from '../../../components/FormErrors';

const FIELDS = ['name', 'min_choices', 'max_choices', 'options'];

interface OptionRow {
  key: number;
  name: string;
  price_delta: string;
  is_available: boolean;
}

type Kind = 'single' | 'multiple';

/** A whole number typed in a field, or null (the server then says what is wrong beside it). */
function whole(value: string): number {
  const n = Number(value);
  return (value.trim() !== '' && Number.isInteger(n) ? n : null) as number;
}

/**
 * Adds or edits one option group: its name, single or multiple choice with
 * how many to choose, and its options with their extra price. What the
 * server refuses shows beside the field at fault.
 */
export function GroupForm({
  group,
  saving,
  error,
  onSave,
  onCancel,
}: {
  group?: OptionGroup;
  saving: boolean;
  error: unknown;
  onSave: (body: OptionGroupWrite) => void;
  onCancel: () => void;
}) {
  const nextKey = useRef(0);
  const row = (o?: { name: string; price_delta: string; is_available: boolean }): OptionRow => ({
    key: nextKey.current++,
    name: o?.name ?? '',
    price_delta: o?.price_delta ?? '0.00',
    is_available: o?.is_available ?? true,
  });
  const [name, setName] = useState(group?.name ?? '');
  const [kind, setKind] = useState<Kind>(group && group.max_choices > 1 ? 'multiple' : 'single');
  const [required, setRequired] = useState(group ? group.min_choices > 0 : true);
  const [min, setMin] = useState(String(group?.min_choices ?? 0));
  const [max, setMax] = useState(String(group && group.max_choices > 1 ? group.max_choices : 2));
  const [options, setOptions] = useState<OptionRow[]>(() => (group ? group.options.map(row) : [row(), row()]));
  const errorsId = useId();
  const optionErrors = fieldErrors(error, 'options');
  const title = group ? `Edit option group ${group.name}` : 'New option group';

  const change = (key: number, patch: Partial<OptionRow>) => setOptions((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const single = kind === 'single';
    onSave({
      name: name.trim(),
      min_choices: single ? (required ? 1 : 0) : whole(min),
      max_choices: single ? 1 : whole(max),
      options: options.map((o) => ({ name: o.name.trim(), price_delta: o.price_delta.trim() || '0.00', is_available: o.is_available })),
    });
  }

  return (
    <form className="form group-form" onSubmit={onSubmit} noValidate aria-label={title}>
      <FormErrors error={error} fields={FIELDS} />
      <div className="grid-2">
        <TextField label="Group name" name="name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} errors={fieldErrors(error, 'name')} hint="For example Size, Spice level, Extras." />
        <SelectField
          label="Students choose"
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind)}
          options={[
            { value: 'single', label: 'One option (single choice)' },
            { value: 'multiple', label: 'Several options (multiple choice)' },
          ]}
          errors={kind === 'single' ? fieldErrors(error, 'max_choices') : []}
        />
      </div>
      {kind === 'single' ? (
        <CheckboxField label="Required: the student must choose one" name="required" checked={required} onChange={(e) => setRequired(e.target.checked)} errors={fieldErrors(error, 'min_choices')} />
      ) : (
        <div className="grid-2">
          <TextField label="At least" name="min_choices" type="number" inputMode="numeric" min={0} step={1} value={min} onChange={(e) => setMin(e.target.value)} errors={fieldErrors(error, 'min_choices')} hint="0: optional" />
          <TextField label="At most" name="max_choices" type="number" inputMode="numeric" min={1} step={1} value={max} onChange={(e) => setMax(e.target.value)} errors={fieldErrors(error, 'max_choices')} />
        </div>
      )}
      <fieldset className={`group-form-options${optionErrors.length ? ' field-invalid' : ''}`} aria-describedby={optionErrors.length ? errorsId : undefined}>
        <legend>Options</legend>
        {options.map((o, i) => (
          <div className="group-form-option" key={o.key}>
            <TextField label={`Option ${i + 1} name`} name={`option-${i}-name`} required maxLength={100} value={o.name} onChange={(e) => change(o.key, { name: e.target.value })} />
            <TextField
              label={`Option ${i + 1} extra price`}
              name={`option-${i}-price`}
              type="number"
              inputMode="decimal"
              min={0}
              step="0.01"
              value={o.price_delta}
              onChange={(e) => change(o.key, { price_delta: e.target.value })}
            />
            <button type="button" className="btn btn-secondary btn-small" disabled={options.length === 1} onClick={() => setOptions((rows) => rows.filter((r) => r.key !== o.key))}>
              Remove<span className="sr-only"> option {i + 1}</span>
            </button>
          </div>
        ))}
        {optionErrors.length > 0 && (
          <div id={errorsId}>
            {optionErrors.map((m) => (
              <p className="field-error" key={m}>
                {m}
              </p>
            ))}
          </div>
        )}
        <button type="button" className="btn btn-link" onClick={() => setOptions((rows) => [...rows, row()])}>
          Add an option
        </button>
      </fieldset>
      <div className="btn-row">
        <button type="submit" className="btn" disabled={saving}>
          {saving ? 'Saving…' : group ? 'Save group' : 'Add group'}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
