package io.packetgrid.pem.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.packetgrid.pem.packet.PacketReply;
import io.packetgrid.pem.packet.PacketRequest;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands authenticated frames to the policy. Requests read in one burst are decided together at
 * the end of the burst (so community rules can rank them, and the policy lock is taken once);
 * denials are answered at once, acceptances go to the journal and are answered when durable.
 * Events update the estimate; queries get a STATUS.
 */
public final class PacketDispatcher extends ChannelInboundHandlerAdapter {
    private final ServerCore core;
    private final List<PacketRequest> batch = new ArrayList<>();
    private final List<InetSocketAddress> senders = new ArrayList<>();
    private final List<io.packetgrid.pem.journal.JournalRecord> records = new ArrayList<>();
    private ChannelRoute route;

    public PacketDispatcher(ServerCore core) {
        this.core = core;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        route = new ChannelRoute(ctx.channel());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof AuthenticatedFrame f)) {
            ctx.fireChannelRead(msg);
            return;
        }
        switch (f.type()) {
            case REQUEST -> {
                PacketRequest r = core.parseRequest(f.bytes());
                if (r != null) {
                    batch.add(r);
                    senders.add(f.sender());
                }
            }
            case EVENT -> core.event(f.bytes());
            case QUERY -> ctx.write(new OutboundFrame(core.status(f.bytes()), f.sender()), ctx.voidPromise());
            default -> { }
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        decideBatch(ctx);
        ctx.flush();
        ctx.fireChannelReadComplete();
    }

    private void decideBatch(ChannelHandlerContext ctx) {
        if (batch.isEmpty()) {
            return;
        }
        List<PacketReply> replies = core.decide(batch);
        if (core.inlineJournal()) {
            decideInline(ctx, replies);
            return;
        }
        for (int i = 0; i < replies.size(); i++) {
            PacketReply reply = replies.get(i);
            OutboundFrame out = new OutboundFrame(core.replyFrame(reply), senders.get(i));
            if (reply.accepted()) {
                core.journal(batch.get(i), reply, new ChannelRoute.Ack(route, out));
            } else {
                core.counters().denied.increment();
                ctx.write(out, ctx.voidPromise());
            }
        }
        batch.clear();
        senders.clear();
    }

    /** WRITE mode: journal the batch's acceptances on this thread, then answer everything at once. */
    private void decideInline(ChannelHandlerContext ctx, List<PacketReply> replies) {
        records.clear();
        for (int i = 0; i < replies.size(); i++) {
            if (replies.get(i).accepted()) {
                records.add(ServerCore.record(batch.get(i), replies.get(i)));
            }
        }
        boolean durable = records.isEmpty() || core.journalNow(records);
        for (int i = 0; i < replies.size(); i++) {
            PacketReply reply = replies.get(i);
            if (reply.accepted() && !durable) {
                continue; // not in the journal: never acknowledged
            }
            if (!reply.accepted()) {
                core.counters().denied.increment();
            }
            ctx.write(new OutboundFrame(core.replyFrame(reply), senders.get(i)), ctx.voidPromise());
        }
        batch.clear();
        senders.clear();
        records.clear();
    }

    /** The journal's durable callback: route acknowledgements to their channels. */
    static void durable(ServerCore core, List<io.packetgrid.pem.journal.Journal.Pending> batch) {
        List<Object> tokens = core.durable(batch);
        java.util.IdentityHashMap<ChannelRoute, Boolean> kick = new java.util.IdentityHashMap<>();
        for (Object t : tokens) {
            if (t instanceof ChannelRoute.Ack a) {
                a.route().enqueue(a.frame());
                kick.put(a.route(), Boolean.TRUE);
            }
        }
        for (ChannelRoute r : kick.keySet()) {
            r.kick();
        }
    }
}
