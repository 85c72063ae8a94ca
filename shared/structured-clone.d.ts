// Every runtime shared/ runs in (browsers, workers, Node ≥ 17) has structuredClone; the ES library typings lack it.
declare function structuredClone<T>(value: T): T;
