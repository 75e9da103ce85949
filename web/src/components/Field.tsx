import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface Common {
  label: string;
  errors?: string[];
  hint?: ReactNode;
}

function FieldShell({ id, label, errors = [], hint, children }: Common & { id: string; children: ReactNode }) {
  return (
    <div className={`field${errors.length ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {errors.map((e) => (
        <p className="field-error" id={`${id}-error`} key={e}>
          {e}
        </p>
      ))}
    </div>
  );
}

function describedBy(id: string, errors: string[] | undefined, hint: ReactNode) {
  const ids = [hint ? `${id}-hint` : '', errors?.length ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function TextField({ label, errors, hint, id: givenId, ...props }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <FieldShell id={id} label={label} errors={errors} hint={hint}>
      <input id={id} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, errors, hint)} {...props} />
    </FieldShell>
  );
}

export function TextArea({ label, errors, hint, id: givenId, ...props }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <FieldShell id={id} label={label} errors={errors} hint={hint}>
      <textarea id={id} rows={3} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, errors, hint)} {...props} />
    </FieldShell>
  );
}

export function SelectField({
  label,
  errors,
  hint,
  options,
  id: givenId,
  ...props
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <FieldShell id={id} label={label} errors={errors} hint={hint}>
      <select id={id} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, errors, hint)} {...props}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField({ label, errors, hint, id: givenId, ...props }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <div className={`field field-checkbox${errors?.length ? ' field-invalid' : ''}`}>
      <input id={id} type="checkbox" aria-describedby={describedBy(id, errors, hint)} {...props} />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {errors?.map((e) => (
        <p className="field-error" id={`${id}-error`} key={e}>
          {e}
        </p>
      ))}
    </div>
  );
}
