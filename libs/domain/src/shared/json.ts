/** What event data must be, so that any store can hold it and any timeline can be a JSON document. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
