// Tells the cloud suites to use the real PostgreSQL server started by postgres-start.ts instead of PGlite.
process.env.TEST_DB = 'postgres'
