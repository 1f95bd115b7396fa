/** A spinner with words, announced politely. Pair it with aria-busy on the region that waits. */
export function Busy({ label }: { label: string }) {
  return (
    <span className="busy" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </span>
  );
}
