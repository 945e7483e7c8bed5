"""`python -m generator …`"""

from .cli import exit_now, main

if __name__ == "__main__":  # not when a spawned analysis worker imports the main module
    exit_now(main())
