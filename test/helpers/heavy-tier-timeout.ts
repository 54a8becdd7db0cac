// The native, terraform and images tiers run real tools on two cores shared with each other: under load a test
// takes many times its idle length. Ten minutes per test (unless the test sets its own) catches a hang without
// failing a slow machine. The unit tier keeps the global timeout.
jest.setTimeout(10 * 60_000);
