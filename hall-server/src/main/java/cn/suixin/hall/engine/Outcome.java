package cn.suixin.hall.engine;

import java.time.LocalDate;
import java.util.List;

/** How a service ended. */
public sealed interface Outcome {

  /** 办结. */
  record Done() implements Outcome {}

  /** 容缺受理: accepted while non-essential materials follow by WeChat, fax or e-mail. */
  record PendingMaterials(List<String> missing, LocalDate due) implements Outcome {
    public PendingMaterials {
      missing = List.copyOf(missing);
    }
  }

  /** Referred to another office or hall. */
  record Referred(String to) implements Outcome {}

  /** 办不成: could not be done; opens a complaint record (办不成事). */
  record NotDone(String reason) implements Outcome {}
}
