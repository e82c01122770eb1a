/** Shared by the forms in the browser and the server. */
export const MIN_PASSWORD_LENGTH = 10;
