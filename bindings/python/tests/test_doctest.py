import doctest

import ibid


def test_module_docstring_examples_run():
    result = doctest.testmod(ibid)
    assert result.attempted >= 4
    assert result.failed == 0
