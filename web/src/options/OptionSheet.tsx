import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ServiceItem } from '../api/types';
import { money } from '../format';
import { choiceProblem, describeChoice, groupRule, isSingle, toggleOption, unitPrice } from './choice';

export interface Chosen {
  price: string;
  options: number[];
  optionNames: string[];
}

/**
 * The choice sheet of an item with option groups: each group with its rule
 * (required ones marked), the price as the student chooses, and Add disabled
 * with the reason until the choice is one the server accepts. A modal
 * <dialog>: focus stays inside, Escape closes it.
 */
export function OptionSheet({ item, onAdd, onClose }: { item: ServiceItem; onAdd: (chosen: Chosen) => void; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [chosen, setChosen] = useState<Set<number>>(() => new Set());
  const groups = item.option_groups ?? [];
  const problem = choiceProblem(groups, chosen);
  const price = unitPrice(item.price, groups, chosen);
  const headingId = `option-sheet-${item.id}`;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (problem) return;
    const { ids, names } = describeChoice(groups, chosen);
    onAdd({ price, options: ids, optionNames: names });
  }

  return (
    <dialog ref={ref} className="option-sheet" aria-labelledby={headingId} onClose={onClose} onCancel={onClose}>
      <form onSubmit={onSubmit} className="form">
        <div className="option-sheet-head">
          <h2 id={headingId} className="h3">
            {item.name}
          </h2>
          <button type="button" className="btn btn-link" onClick={onClose}>
            Close
          </button>
        </div>
        {groups.map((g) => {
          const single = isSingle(g);
          const required = g.min_choices > 0;
          return (
            <fieldset key={g.id} className="option-group">
              <legend>
                {g.name} <span className={required ? 'option-required' : 'muted small'}>{groupRule(g)}</span>
              </legend>
              {g.options.map((o) => (
                <label key={o.id} className={`radio-row${o.is_available ? '' : ' option-off'}`}>
                  <input
                    type={single ? 'radio' : 'checkbox'}
                    name={`group-${g.id}`}
                    value={o.id}
                    checked={chosen.has(o.id)}
                    disabled={!o.is_available}
                    onChange={(e) => setChosen((c) => toggleOption(groups, c, o.id, single ? true : e.target.checked))}
                  />
                  <span>
                    {o.name}
                    {Number(o.price_delta) > 0 && <span className="muted small"> +{money(o.price_delta)}</span>}
                    {!o.is_available && <span className="muted small"> · unavailable</span>}
                  </span>
                </label>
              ))}
            </fieldset>
          );
        })}
        <p className="option-sheet-price">
          Price: <strong className="option-price">{money(price)}</strong>
        </p>
        {problem && (
          <p className="field-hint" id={`${headingId}-why`}>
            {problem}
          </p>
        )}
        <button type="submit" className="btn btn-block" disabled={!!problem} aria-describedby={problem ? `${headingId}-why` : undefined}>
          Add to cart · {money(price)}
        </button>
      </form>
    </dialog>
  );
}
