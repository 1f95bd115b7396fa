import { SCIM_JOB_TEMPLATE_ID } from '../../graph/graph-queries';

/**
 * The stand-in's answer to `GET …/synchronization/templates`, in the shape of Graph's documented
 * example (synchronization-synchronization-list-templates.md: `{"value":[{"id","factoryTag",
 * "schema":{"directories":[],"synchronizationRules":[]}}]}`, its schema shortened there as here).
 * The example's template is Slack's; a non-gallery app's is `scim` (reference §2, "Which
 * template", [E-compat]). That its factoryTag is the example's "CustomSCIM" is [unconfirmed].
 * test/main/sandbox/graph-stand-in-doc-samples.test.ts checks its keys against the example.
 */
export function templatesAnswer() {
  return {
    value: [
      {
        id: SCIM_JOB_TEMPLATE_ID,
        factoryTag: 'CustomSCIM',
        schema: { directories: [], synchronizationRules: [] },
      },
    ],
  };
}
