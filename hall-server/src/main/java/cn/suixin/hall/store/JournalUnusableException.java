package cn.suixin.hall.store;

import java.io.IOException;

/** The journal file is in a state only a reopen (which cuts the tail) can repair. */
final class JournalUnusableException extends IOException {

  JournalUnusableException(String message, Throwable cause) {
    super(message, cause);
  }
}
