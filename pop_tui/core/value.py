"""Immutable values with named fields: what a frozen dataclass gives, made at no cost.

Every shell command reads the model, and ``dataclasses`` writes and compiles
six methods for each frozen class (and imports ``inspect`` to do it): about
20 ms of each ``pop agenda`` for a few dozen classes. :class:`Value` does the
same work with shared methods, and type checkers treat its subclasses as
frozen dataclasses (PEP 681).
"""

from __future__ import annotations

from typing import Any, ClassVar, Self, dataclass_transform


class FrozenError(AttributeError):
    """A value's fields cannot be changed; make a new one with ``replace``."""


@dataclass_transform(frozen_default=True)
class Value:
    """Base of immutable values whose fields are the class's annotated attributes.

    A field with a class-level value has that default; defaults must be
    immutable. Fields of base classes come first, as with dataclasses.
    """

    _field_names: ClassVar[tuple[str, ...]] = ()
    _field_defaults: ClassVar[dict[str, Any]] = {}
    _required: ClassVar[frozenset[str]] = frozenset()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        names = list(cls._field_names)
        for name, hint in cls.__dict__.get("__annotations__", {}).items():  # noqa: RUF063  (inspect costs the import this module avoids)
            if str(hint).startswith(("ClassVar", "typing.ClassVar")):
                continue
            if name not in names:
                names.append(name)
        cls._field_names = tuple(names)
        cls._field_defaults = {n: getattr(cls, n) for n in names if hasattr(cls, n)}
        cls._required = frozenset(n for n in names if n not in cls._field_defaults)

    def __init__(self, *args: Any, **values: Any) -> None:
        names = self._field_names
        if len(args) > len(names):
            raise TypeError(f"{type(self).__name__} takes at most {len(names)} values")
        for name, value in zip(names, args, strict=False):
            if name in values:
                raise TypeError(f"{type(self).__name__} got {name!r} twice")
            values[name] = value
        self._check(values)
        state = self.__dict__
        state.update(self._field_defaults)
        state.update(values)

    @classmethod
    def _check(cls, values: dict[str, Any]) -> None:
        unknown = values.keys() - set(cls._field_names)
        if unknown:
            raise TypeError(f"{cls.__name__} has no field {', '.join(sorted(unknown))}")
        missing = cls._required - values.keys()
        if missing:
            raise TypeError(f"{cls.__name__} needs {', '.join(sorted(missing))}")

    def replace(self, **changes: Any) -> Self:
        """A copy with some fields changed."""
        unknown = changes.keys() - set(self._field_names)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {', '.join(sorted(unknown))}")
        made = object.__new__(type(self))
        state = made.__dict__
        mine = self.__dict__
        # Fields only: anything cached on this value may not hold for the copy.
        state.update({name: mine[name] for name in self._field_names})
        state.update(changes)
        return made

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenError(f"cannot change {name!r}: {type(self).__name__} is immutable")

    def __delattr__(self, name: str) -> None:
        raise FrozenError(f"cannot delete {name!r}: {type(self).__name__} is immutable")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self), *self._values()))

    def _values(self) -> tuple[Any, ...]:
        state = self.__dict__
        return tuple(state[name] for name in self._field_names)

    def __repr__(self) -> str:
        shown = ", ".join(f"{n}={self.__dict__[n]!r}" for n in self._field_names)
        return f"{type(self).__name__}({shown})"


def field_names(value: type[Value] | Value) -> tuple[str, ...]:
    """The names of the fields, in order."""
    return value._field_names
