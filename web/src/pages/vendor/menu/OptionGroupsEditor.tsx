import { useState } from 'react';
import type { OptionGroup, OptionGroupWrite, ServiceItem } from '../../../api/types';
import { SelectField } from '../../../components/Field';
import { FormErrors } from '../../../components/FormErrors';
import { money } from '../../../format';
import { groupBody, useCreateOptionGroup, useDeleteOptionGroup, useReplaceOptionGroup } from '../../../hooks/menu';
import { groupRule } from '../../../options/choice';
import { isApiError } from '../../../api/errors';
import { moved } from '../../../vendor/menu';
import { GroupForm } from './GroupForm';

/**
 * The option groups of one item, as the vendor runs them: add, edit, copy from
 * another item, remove; move groups and options up or down; mark an option
 * unavailable (or back) in one tap.
 */
export function OptionGroupsEditor({ serviceId, item, items }: { serviceId: number; item: ServiceItem; items: readonly ServiceItem[] }) {
  const groups = item.option_groups ?? [];
  const create = useCreateOptionGroup(serviceId, item.id);
  const replace = useReplaceOptionGroup(serviceId, item.id);
  const remove = useDeleteOptionGroup(serviceId, item.id);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [copyFrom, setCopyFrom] = useState('');
  const busy = create.isPending || replace.isPending || remove.isPending;
  const copyable = items.filter((i) => i.id !== item.id).flatMap((i) => (i.option_groups ?? []).map((g) => ({ item: i, group: g })));

  const write = (group: OptionGroup, body: OptionGroupWrite) => {
    create.reset();
    remove.reset();
    replace.mutate({ groupId: group.id, body });
  };
  const setOption = (group: OptionGroup, index: number, patch: { is_available: boolean }) => {
    const body = groupBody(group);
    body.options[index] = { ...body.options[index], ...patch };
    write(group, body);
  };
  const moveOption = (group: OptionGroup, index: number, by: number) => {
    const body = groupBody(group);
    write(group, { ...body, options: moved(body.options, index, by) });
  };
  const moveGroup = (group: OptionGroup, index: number, by: number) => write(group, { ...groupBody(group), position: index + by });

  function copy() {
    const source = copyable.find((c) => String(c.group.id) === copyFrom);
    if (!source) return;
    replace.reset();
    create.mutate(groupBody(source.group), { onSuccess: () => setCopyFrom('') });
  }

  // A form's own errors show in the form; a quick action's above the list.
  const quickError = editing === null ? (replace.error ?? remove.error) : remove.error;
  const copyErrors = editing === null && isApiError(create.error) ? create.error.topMessages() : [];

  return (
    <section className="option-editor" aria-label={`Options for ${item.name}`}>
      <h3 className="h4">Options for {item.name}</h3>
      <FormErrors error={quickError} />
      {groups.length === 0 && <p className="muted small">No option groups yet: students order {item.name} as it is.</p>}
      <ol className="option-groups-edit">
        {groups.map((g, gi) =>
          editing === g.id ? (
            <li key={g.id} className="option-group-edit">
              <GroupForm
                group={g}
                saving={replace.isPending}
                error={replace.error}
                onCancel={() => {
                  replace.reset();
                  setEditing(null);
                }}
                onSave={(body) => replace.mutate({ groupId: g.id, body }, { onSuccess: () => setEditing(null) })}
              />
            </li>
          ) : (
            <li key={g.id} className="option-group-edit" aria-label={`Group ${g.name}`}>
              <div className="option-group-head">
                <div>
                  <h4 className="option-group-name">{g.name}</h4>
                  <p className="muted small">{groupRule(g)}</p>
                </div>
                <div className="btn-row option-group-actions">
                  <button type="button" className="btn btn-secondary btn-small" disabled={busy || gi === 0} onClick={() => moveGroup(g, gi, -1)}>
                    Move up<span className="sr-only"> group {g.name}</span>
                  </button>
                  <button type="button" className="btn btn-secondary btn-small" disabled={busy || gi === groups.length - 1} onClick={() => moveGroup(g, gi, 1)}>
                    Move down<span className="sr-only"> group {g.name}</span>
                  </button>
                  <button type="button" className="btn btn-secondary btn-small" disabled={busy} onClick={() => setEditing(g.id)}>
                    Edit<span className="sr-only"> group {g.name}</span>
                  </button>
                  <button
                    type="button"
                    className="btn btn-danger btn-small"
                    disabled={busy}
                    onClick={() => {
                      if (window.confirm(`Remove the group “${g.name}” from ${item.name}? Orders already placed keep their options.`)) remove.mutate(g.id);
                    }}
                  >
                    Remove<span className="sr-only"> group {g.name}</span>
                  </button>
                </div>
              </div>
              <ul className="option-rows">
                {g.options.map((o, oi) => (
                  <li key={o.id} className={`option-row${o.is_available ? '' : ' option-off'}`}>
                    <span className="option-row-name">
                      {o.name}
                      <span className="muted small"> {Number(o.price_delta) > 0 ? `+${money(o.price_delta)}` : 'no extra charge'}</span>
                      {!o.is_available && <span className="muted small"> · unavailable</span>}
                    </span>
                    <span className="option-row-actions">
                      <button type="button" className="btn btn-secondary btn-small" disabled={busy || oi === 0} onClick={() => moveOption(g, oi, -1)}>
                        Move up<span className="sr-only"> {o.name}</span>
                      </button>
                      <button type="button" className="btn btn-secondary btn-small" disabled={busy || oi === g.options.length - 1} onClick={() => moveOption(g, oi, 1)}>
                        Move down<span className="sr-only"> {o.name}</span>
                      </button>
                      <button
                        type="button"
                        className={`btn btn-small sold-out-toggle${o.is_available ? ' btn-secondary' : ' is-sold-out'}`}
                        aria-pressed={!o.is_available}
                        disabled={busy}
                        onClick={() => setOption(g, oi, { is_available: !o.is_available })}
                      >
                        Unavailable<span className="sr-only"> {o.name}</span>
                      </button>
                    </span>
                  </li>
                ))}
              </ul>
            </li>
          ),
        )}
      </ol>
      {editing === 'new' ? (
        <GroupForm
          saving={create.isPending}
          error={create.error}
          onCancel={() => {
            create.reset();
            setEditing(null);
          }}
          onSave={(body) => create.mutate(body, { onSuccess: () => setEditing(null) })}
        />
      ) : (
        <div className="option-editor-add">
          <button
            type="button"
            className="btn btn-secondary"
            disabled={editing !== null}
            onClick={() => {
              create.reset();
              setEditing('new');
            }}
          >
            Add an option group
          </button>
          {copyable.length > 0 && (
            <div className="option-copy">
              <SelectField
                label="Copy a group from another item"
                name="copy-from"
                value={copyFrom}
                onChange={(e) => setCopyFrom(e.target.value)}
                options={[{ value: '', label: 'Choose a group…' }, ...copyable.map((c) => ({ value: String(c.group.id), label: `${c.item.name}: ${c.group.name}` }))]}
                errors={copyErrors}
              />
              <button type="button" className="btn btn-secondary" disabled={!copyFrom || busy} onClick={copy}>
                Copy group
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
