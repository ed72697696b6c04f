/** Form pieces the extension pages share. */

/** The value of the input, textarea or select an event came from. */
export const inputValue = (e: Event) => (e.currentTarget as HTMLInputElement).value;

/** Whether the checkbox an event came from is now checked. */
export const inputChecked = (e: Event) => (e.currentTarget as HTMLInputElement).checked;

/** A select whose label only screen readers read. */
export function Select<V extends string>(props: {
  name: string;
  label: string;
  value: V;
  options: [V, string][];
  onChange: (value: V) => void;
}) {
  return (
    <label>
      <span class="visually-hidden">{props.label}</span>
      <select name={props.name} value={props.value} onChange={(e) => props.onChange(inputValue(e) as V)}>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A search field whose label only screen readers read; the label is its placeholder too. */
export function SearchField(props: {
  class: string;
  name?: string;
  label: string;
  value: string;
  onInput: (query: string) => void;
}) {
  return (
    <label class={props.class}>
      <span class="visually-hidden">{props.label}</span>
      <input
        type="search"
        name={props.name}
        placeholder={props.label}
        value={props.value}
        onInput={(e) => props.onInput(inputValue(e))}
      />
    </label>
  );
}
