// The stage interface: a stage turns one article state into the next. A pipeline is a list of stages whose types
// chain (each stage's input is what the one before it returns), checked by the compiler where the list is made;
// src/pipeline.ts folds an article over it.
import type { Config } from './config.ts';
import type { Message, TokenWordIds } from './types.ts';

/** Per-document data one stage leaves for a later one beside the article state: aids whose absence changes no
 * output (never emitted, never cached). One fresh channel per article. */
export interface SideChannel {
  /** Set by segment, read by the entity tagger: wink's ids of the tokens' words. */
  wordIds?: TokenWordIds;
}

/** What a stage sees besides its input: the run's config and the article's side channel. */
export interface StageContext {
  readonly config: Config;
  readonly side: SideChannel;
}

/** Every article state carries the messages so far: an error among them rejects the article after its stage. */
export interface StageState {
  messages: Message[];
}

/** One stage. `run` is a function-typed property (not a method) so that its input type is checked strictly. */
export interface Stage<In, Out extends StageState> {
  readonly name: string;
  readonly run: (input: In, ctx: StageContext) => Out;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any stage, for the list's constraint
type AnyStage = Stage<any, StageState>;

/** The list as it must be: each stage taking what the previous one returns (a stage that does not gets the type
 * it should have had, so the compiler names the stage and the mismatch). */
export type Chained<S extends readonly AnyStage[], Prev> = S extends readonly [
  infer Head extends AnyStage,
  ...infer Rest extends readonly AnyStage[],
]
  ? Head extends Stage<infer In, infer Out>
    ? readonly [[Prev] extends [In] ? Head : Stage<Prev, Out>, ...Chained<Rest, Out>]
    : never
  : readonly [];

/** The state the last stage of a list returns. */
export type LastOut<S extends readonly AnyStage[]> = S extends readonly [...AnyStage[], Stage<never, infer Out>]
  ? Out
  : never;

/** Makes a stage list whose types chain from `In`; a stage that does not fit is a compile error. */
export function stageList<In>() {
  return <const S extends readonly AnyStage[]>(stages: S & Chained<S, In>): S => stages;
}
