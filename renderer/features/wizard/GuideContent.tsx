import { STEP_CONTENT } from '../../../shared/wizard/content';
import type { WizardStepId } from '../../../shared/wizard/steps';
import { ExternalLinkButton } from '../../components/ExternalLinkButton';

interface GuideContentProps {
  step: WizardStepId;
  /** Folds the by-hand instructions away (the assistant does them), still one click open. */
  foldInstructions?: boolean;
}

/** A step's words from shared/wizard/content.ts: summary, instructions, facts, notes, links. */
export function GuideContent({ step, foldInstructions = false }: GuideContentProps) {
  const content = STEP_CONTENT[step];
  const instructions = (
    <ol className="instructions">
      {content.instructions.map((text) => (
        <li key={text}>{text}</li>
      ))}
    </ol>
  );
  return (
    <div className="guide">
      <p className="summary">{content.summary}</p>
      {content.instructions.length > 0 &&
        (foldInstructions ? (
          <details className="by-hand">
            <summary>How to do this by hand in the Entra admin center</summary>
            {instructions}
          </details>
        ) : (
          instructions
        ))}
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
      {content.notes.map((note) => (
        <p className="note" key={note}>
          {note}
        </p>
      ))}
      {content.links.length > 0 && (
        <div className="links">
          {content.links.map((link) => (
            <ExternalLinkButton key={link.url} link={link} />
          ))}
        </div>
      )}
    </div>
  );
}
