import { STEP_CONTENT, allNotes } from '../../../shared/wizard/content';
import type { WizardStepId } from '../../../shared/wizard/steps';
import { ExternalLinkButton } from '../../components/ExternalLinkButton';

interface GuideContentProps {
  step: WizardStepId;
  /**
   * The assistant does this step: the summary is said above its controls (StepView), and the
   * by-hand instructions and links fold away below them, still one click open.
   */
  assisted?: boolean;
}

/** A step's words from shared/wizard/content.ts: summary, instructions, facts, notes, links. */
export function GuideContent({ step, assisted = false }: GuideContentProps) {
  const content = STEP_CONTENT[step];
  const instructions = content.instructions.length > 0 && (
    <ol className="instructions">
      {content.instructions.map((text) => (
        <li key={text}>{text}</li>
      ))}
    </ol>
  );
  const links = content.links.length > 0 && (
    <div className="links">
      {content.links.map((link) => (
        <ExternalLinkButton key={link.url} link={link} />
      ))}
    </div>
  );
  return (
    <div className="guide">
      {!assisted && <p className="summary">{content.summary}</p>}
      {assisted ? (
        <details className="by-hand">
          <summary>How to do this by hand in the Entra admin center</summary>
          {instructions}
          {links}
        </details>
      ) : (
        instructions
      )}
      {content.facts.length > 0 && (
        <dl className="facts">
          {content.facts.map((fact) => (
            <div key={fact.term}>
              <dt>
                <code>{fact.term}</code>
              </dt>
              <dd>{fact.description}</dd>
            </div>
          ))}
        </dl>
      )}
      {/* Assisted, a part's notes are under that part (StepView); by hand, all are here. */}
      <Notes notes={assisted ? content.notes : allNotes(content)} />
      {!assisted && links}
    </div>
  );
}

/** Notes, each a paragraph. */
export function Notes({ notes }: { notes: readonly string[] }) {
  return (
    <>
      {notes.map((note) => (
        <p className="note" key={note}>
          {note}
        </p>
      ))}
    </>
  );
}

/** The step's summary above the assistant's controls, in the assistant's words when it has them. */
export function AssistedSummary({ step }: { step: WizardStepId }) {
  const content = STEP_CONTENT[step];
  return <p className="summary">{content.assistantSummary ?? content.summary}</p>;
}
