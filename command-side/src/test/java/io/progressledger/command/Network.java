package io.progressledger.command;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;

/** What someone on the network would reach: this machine's own non-loopback addresses, and TCP connects to them. */
public final class Network {

    private Network() {
    }

    /** This machine's IPv4 addresses other than loopback and link-local (none on a machine without a network). */
    public static List<InetAddress> addresses() throws SocketException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
            if (nic.isUp() && !nic.isLoopback()) {
                nic.inetAddresses().filter(address -> address instanceof Inet4Address
                        && !address.isLoopbackAddress() && !address.isLinkLocalAddress()).forEach(addresses::add);
            }
        }
        return addresses;
    }

    public static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
