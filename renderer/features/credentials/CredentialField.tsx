import type { ReactNode } from 'react';

interface CredentialFieldProps {
  id: string;
  label: string;
  value: string;
  /** Buttons beside the value (Copy, Reveal). */
  actions: ReactNode;
  hint: ReactNode;
  /** Shown under the hint: progress and errors of the actions. */
  children?: ReactNode;
}

/** One value Entra asks for, read-only so it is copied rather than retyped. */
export function CredentialField({
  id,
  label,
  value,
  actions,
  hint,
  children,
}: CredentialFieldProps) {
  return (
    <div className="field credential">
      <label htmlFor={id}>{label}</label>
      <div className="credential-row">
        <input
          id={id}
          type="text"
          readOnly
          spellCheck={false}
          className="mono"
          value={value}
          aria-describedby={`${id}-hint`}
        />
        {actions}
      </div>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      {children}
    </div>
  );
}
