/**
 * The governance rules a contract's own checks are reported under, in a design and in a contract
 * file alike, so `validate --rule` and a design's policies name them the same way.
 */
export const CONTRACT_SEMANTICS_RULE_ID = 'contract-semantics';
/** An entity's primary key, an event's id and time: a rule of their own, which a policy can tune apart. */
export const CONTRACT_KEYS_RULE_ID = 'contract-keys';
