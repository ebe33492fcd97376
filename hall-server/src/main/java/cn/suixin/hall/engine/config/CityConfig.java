package cn.suixin.hall.engine.config;

import java.util.List;

/** The city's halls: the city hall first, then the sub-centres. */
public record CityConfig(String name, String nameEn, List<HallConfig> halls) {
  public CityConfig {
    halls = List.copyOf(halls);
  }
}
