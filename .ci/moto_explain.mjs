// errata.js's explain for .ci/moto_check.py: reads {server, questions: [{body, httpStatus, headers, locale}]}
// as JSON on stdin, writes one answer per question as a JSON array: the explain result, or {failure}.
import { text } from 'node:stream/consumers';
import { createErrata, memoryStorage } from '../Sources/ErrataWeb/Resources/client/errata.js';

const { server, questions } = JSON.parse(await text(process.stdin));
// No stored catalog and no sync: every explain is an errors.explain call, batched by errata.js itself.
const errata = createErrata({ server, storage: memoryStorage(), languages: [], autoSync: false });
const answers = await Promise.all(questions.map(({ body, httpStatus, headers, locale }) =>
  errata.explain({ body, httpStatus, headers }, { locale })
    .catch((error) => ({ failure: `${error.name} ${error.reason ?? ''}: ${error.message}` }))));
process.stdout.write(JSON.stringify(answers));
