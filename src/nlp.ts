// One wink-nlp instance per process (worker): the model loads once, ~95 ms and ~57 MB.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Wink = ReturnType<typeof winkNLP>;
let instance: Wink | undefined;

/** The process-wide wink-nlp instance with the default pipe (sbd, pos, ner, negation, sentiment not needed). */
export function nlp(): Wink {
  instance ??= winkNLP(model, ['sbd', 'pos', 'ner']);
  return instance;
}
