import { buildSchema, parse, getIntrospectionQuery } from 'graphql';
import { readFileSync } from 'node:fs';
import { analyseOperation } from './analyse.js';
const schema = buildSchema(readFileSync('/work/main/schema/api.graphql','utf8'));
for (const q of [getIntrospectionQuery(), getIntrospectionQuery({descriptions:true, specifiedByUrl:true, directiveIsRepeatable:true, schemaDescription:true, inputValueDeprecation:true})]) {
const s = analyseOperation(schema, parse(q), undefined, {});
console.log({...s, coordinates: s.coordinates.size});
}
const s2 = analyseOperation(schema, parse('{ serviceItems(first: 5) { nodes { name } pageInfo { hasNextPage } } }'), undefined, {});
console.log({...s2, coordinates:[...s2.coordinates]});
