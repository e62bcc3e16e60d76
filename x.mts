import { extractPeople } from './src/analysis/index.js';
const t = 'He met Russian President Vladimir Putin and Foreign Minister Choe Son Hui.';
console.log(extractPeople(t, [{ start: 0, end: t.length }]));
