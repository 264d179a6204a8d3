/**
 * The name of Sift's check run: GitHub sends "Re-run" only to the app that made the check run,
 * and the handler tells Sift's own by this name.
 */
export const CHECK_RUN_NAME = 'Sift';
