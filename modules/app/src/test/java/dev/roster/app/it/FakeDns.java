package dev.roster.app.it;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * A DNS server for the tests, answering TXT queries from a table the tests fill: the test server's
 * {@code ROSTER_DNS_RESOLVER} points here, so domain verification runs real DNS lookups.
 */
final class FakeDns implements BeforeAllCallback {

  static final int PORT = Integer.getInteger("roster.dns.port", 15353);
  private static final Map<Name, List<String>> TXT = new ConcurrentHashMap<>();
  private static DatagramSocket socket;

  /** For JUnit: {@code @ExtendWith(FakeDns.class)} starts the server before a class's tests. */
  FakeDns() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  /** Publishes TXT strings at {@code name} (replacing earlier ones), starting the server. */
  static synchronized void publish(String name, String value) {
    start();
    try {
      TXT.put(Name.fromString(name.endsWith(".") ? name : name + "."), List.of(value));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static synchronized void start() {
    if (socket != null) {
      return;
    }
    try {
      socket = new DatagramSocket(PORT, InetAddress.getLoopbackAddress());
    } catch (SocketException e) {
      throw new IllegalStateException("cannot listen on " + PORT, e);
    }
    Thread server = new Thread(FakeDns::serve, "fake-dns");
    server.setDaemon(true);
    server.start();
  }

  private static void serve() {
    byte[] buffer = new byte[512];
    while (true) {
      try {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
        Message answer = new Message(query.getHeader().getID());
        answer.getHeader().setFlag(Flags.QR);
        answer.getHeader().setFlag(Flags.AA);
        Record question = query.getQuestion();
        answer.addRecord(question, Section.QUESTION);
        List<String> values = question.getType() == Type.TXT ? TXT.get(question.getName()) : null;
        if (values == null) {
          answer.getHeader().setRcode(Rcode.NXDOMAIN);
        } else {
          for (String value : values) {
            answer.addRecord(
                new TXTRecord(question.getName(), DClass.IN, 60, value), Section.ANSWER);
          }
        }
        byte[] wire = answer.toWire();
        socket.send(new DatagramPacket(wire, wire.length, packet.getAddress(), packet.getPort()));
      } catch (IOException e) {
        if (socket.isClosed()) {
          return;
        }
      }
    }
  }
}
