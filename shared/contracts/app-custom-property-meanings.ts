import {
  CONTRACT_QUALITY_PROPERTY,
  DATASET_KIND_PROPERTY,
  HISTORY_COLUMN_PREFIX_PROPERTY,
  KEEP_HISTORY_PROPERTY,
} from './odcs-document';

/** What each contract-level custom property the app reads means, for hovers: ODCS only says what a custom property is. */
const MEANINGS: Readonly<Record<string, string>> = {
  [DATASET_KIND_PROPERTY]:
    'Read by Data Mesh Designer: `event` for an immutable, append-only dataset, `entity` for one whose rows change (the latest state per key). Without it the app infers the kind: streaming servers or a topic make an event, anything else an entity.',
  [KEEP_HISTORY_PROPERTY]:
    'Read by Data Mesh Designer: `true` keeps an entity’s history beside its latest state (SCD type 2: every version of a row, with when it was valid); `false` or absent keeps the latest state only. The history columns are `valid_from`, `valid_to` and `is_current`, after the prefix `historyColumnPrefix` gives. No effect on an event.',
  [HISTORY_COLUMN_PREFIX_PROPERTY]:
    'Read by Data Mesh Designer: what the history columns’ names start with (`dbt_` gives `dbt_valid_from`, `dbt_valid_to`, `dbt_is_current`), so an entity with columns of those names can keep history. Only where `keepHistory` is true.',
  [CONTRACT_QUALITY_PROPERTY]:
    'Read by Data Mesh Designer: quality rules about the contract as a whole, as ODCS has quality rules only on schema objects and properties.',
};

/** What a contract-level custom property the app reads means; undefined for any other name. */
export function appCustomPropertyMeaning(name: string): string | undefined {
  return MEANINGS[name];
}
