package cn.suixin.hall.server.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;

/**
 * The Hazelcast member configuration, built in code: TCP-IP join with the listed members only, no
 * multicast or auto-detection, no phone-home, Jet off, and a failure detector quick enough for a
 * hall to move to another node within seconds of its owner dying.
 */
public final class HazelcastSetup {
  private HazelcastSetup() {}

  public static Config config(ClusterOptions options) {
    Config config = new Config();
    config.setClusterName("suixin-hall");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    // A killed member is noticed within about three seconds instead of a minute.
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "3");
    config.setProperty("hazelcast.merge.first.run.delay.seconds", "5");
    config.getJetConfig().setEnabled(false);

    NetworkConfig network = config.getNetworkConfig();
    network.setPort(options.port()).setPortAutoIncrement(false);
    network.getInterfaces().setEnabled(true).addInterface(options.host());
    network.setPublicAddress(options.host() + ":" + options.port());
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2);
    // one host:port per member: a port range makes a member shut itself down
    options.members().forEach(m -> join.getTcpIpConfig().addMember(m));

    // what the Vert.x cluster manager expects to exist
    config.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1));
    config.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
    config.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
    return config;
  }
}
