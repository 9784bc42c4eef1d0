package dev.roster.kernel;

/** A context entered for a block of code; closing it restores what was there before. */
@FunctionalInterface
public interface Scope extends AutoCloseable {

  @Override
  void close();
}
