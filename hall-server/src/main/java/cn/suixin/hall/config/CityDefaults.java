package cn.suixin.hall.config;

import cn.suixin.hall.engine.config.ChannelId;
import cn.suixin.hall.engine.config.GreenChannel;
import cn.suixin.hall.engine.config.HallRules;
import cn.suixin.hall.engine.config.Matter;
import cn.suixin.hall.engine.config.MatterCode;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/**
 * What a hall file builds on: the matter catalogue, the city's green channels and its defaults.
 *
 * @param written matter codes written in the catalogue, even those dropped for other errors
 */
record CityDefaults(
    ZoneId zone,
    Map<MatterCode, Matter> catalogue,
    Set<String> written,
    Map<ChannelId, GreenChannel> greenChannels,
    HoursSpec hours,
    HallRules rules) {}
