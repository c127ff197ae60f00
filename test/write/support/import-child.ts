// `npm run import` in a child process of the e2e test, with the arguments in IMPORT_ARGS (a JSON array).
process.argv = [process.argv[0], 'import', ...(JSON.parse(process.env.IMPORT_ARGS ?? '[]') as string[])];
void import('../../../scripts/import');
