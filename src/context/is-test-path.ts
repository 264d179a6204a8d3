const TEST_FOLDER = /(^|\/)(test|tests|__tests__|spec|specs|testing)\//;
const TEST_FILE =
  /(\.(test|spec)\.[a-z]+$|_test\.(go|py|rb|c|cc|cpp)$|(^|\/)test_[^/]+\.py$|Tests?\.(java|cs|kt|php)$|_spec\.rb$)/;

/** Whether a path is a test by the conventions of the common test runners. */
export function isTestPath(path: string): boolean {
  return TEST_FOLDER.test(path) || TEST_FILE.test(path);
}
