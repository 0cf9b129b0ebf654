/** Who is calling, as the edge verified it: the use cases decide what they may touch. */
export interface Caller {
  sub: string;
  email: string;
  groups: string[];
}
