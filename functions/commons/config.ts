/**
 * The functions' configuration, read from the environment once at cold start.
 * Nothing else reads process.env. A missing variable fails the cold start with its name.
 */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set`);
  return value;
}

export const config = {
  tableName: required('TABLE_NAME'),
};
