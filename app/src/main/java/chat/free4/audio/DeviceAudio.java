package chat.free4.audio;

import chat.free4.media.Media;
import chat.free4.peer.PeerId;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop path: the app owns its sound. The peer connection factory runs on a headless device
 * module (libwebrtc decodes and encodes, but touches no sound card); the microphone and the speaker
 * are streams of their own ({@link SoundStream}). The microphone goes through echo cancellation,
 * noise suppression and gain control ({@link VoiceProcessor}), the voice gate and mute, then to
 * every connection; each remote peer's audio is mixed in Java at that person's volume
 * ({@link PlayoutMixer}) and the mix is what the echo canceller compares against. Decision 0012
 * says why.
 */
public final class DeviceAudio implements AudioBackend, AudioDeviceChooser {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceAudio.class);
    private static final long CHECK_EVERY_MS = 500;
    private static final long MAX_RETRY_MS = 8_000;
    /** Sound cards call every 10 ms; a stream opening on a busy machine may take a second to start. */
    private static final long STALL_NANOS = 2_000_000_000L;
    static final String SOUND_STOPPED = "The sound stopped: the sound server (PulseAudio or PipeWire) or the sound "
            + "card went away. You are still in the room, and you will hear and be heard again as soon as it is back.";

    private final Media media;
    private final CustomAudioSource source;
    private final AudioTrack track;
    private final LocalSender sender;
    private final RemotePcmListener remoteListener;
    private final PlayoutMixer mixer = new PlayoutMixer();
    private final VoiceProcessor processor;
    private final VoiceGate gate = new VoiceGate();
    private final SignalLevel localMeter = new SignalLevel();
    private final MicrophoneChain microphoneChain;
    private final SpeakerFeed speakerFeed;
    private final SoundDevices devices;
    private final Consumer<String> notices;
    private Optional<AudioDeviceInfo> chosenInput = Optional.empty();
    private Optional<AudioDeviceInfo> chosenOutput = Optional.empty();
    private SoundStream microphone;
    private SoundStream speaker;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sound-watchdog");
        t.setDaemon(true);
        return t;
    });
    private long retryDelayMs = CHECK_EVERY_MS;
    private long nextRetry = System.nanoTime();
    private volatile String problem = "";
    private volatile boolean muted;
    private volatile boolean deafened;
    private boolean closed;

    /**
     * Opens the default microphone and speaker. A device that cannot start is reported to
     * {@code notices} in a sentence (and retried when devices change); only a sound system that
     * cannot be loaded at all throws {@link AudioUnavailableException}.
     *
     * @param remoteListener also receives every remote peer's PCM (after my volume), e.g. for tests
     */
    public DeviceAudio(RemotePcmListener remoteListener, VoiceProcessing processing, Consumer<String> notices) {
        this.notices = notices;
        try {
            // Its playout pulls the decoded remote streams every 10 ms; no sound card is touched.
            this.media = Media.withAudioDevice(new HeadlessAudioDeviceModule());
        } catch (Error | RuntimeException e) {
            throw new AudioUnavailableException("The sound system could not be loaded (" + e.getMessage() + ").", e);
        }
        this.source = new CustomAudioSource();
        this.track = media.factory().createAudioTrack("mic", source);
        this.sender = new LocalSender(media.factory());
        this.processor = new VoiceProcessor(processing);
        this.remoteListener = (from, samples, count) -> {
            mixer.onPcm(from, samples, count);
            remoteListener.onPcm(from, samples, count);
        };
        this.microphoneChain = new MicrophoneChain(sender, processor, gate, localMeter,
                () -> (mixer.queuedFrames() + 2) * Pcm.FRAME_MILLIS);
        this.speakerFeed = new SpeakerFeed(mixer, processor);
        this.devices = SoundDevices.forThisComputer(this::devicesChanged);
        synchronized (this) {
            openSpeaker();
            openMicrophone();
        }
        media.add(new AudioKind(this));
        watchdog.scheduleWithFixedDelay(this::checkStreams, CHECK_EVERY_MS, CHECK_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /** With every voice processing switch on and no extra listener of remote audio. */
    public DeviceAudio(Consumer<String> notices) {
        this(RemotePcmListener.none(), VoiceProcessing.defaults(), notices);
    }

    // ---- the two sound streams ----

    private void openSpeaker() {
        openSpeaker(false);
    }

    /** @param quietly a retry while a problem is already shown: a failure keeps that sentence */
    private void openSpeaker(boolean quietly) {
        closeSpeaker();
        try {
            speaker = SoundStream.speaker(chosenOutput, speakerFeed);
            problemSolved();
        } catch (AudioUnavailableException e) {
            if (quietly) {
                LOG.debug("Speaker still unavailable: {}", e.getMessage());
            } else {
                LOG.warn("Speaker: {}", e.getMessage(), e.getCause());
                report(e.getMessage());
            }
        }
    }

    private void openMicrophone() {
        openMicrophone(false);
    }

    private void openMicrophone(boolean quietly) {
        closeMicrophone();
        try {
            microphone = SoundStream.microphone(chosenInput, microphoneChain);
            problemSolved();
        } catch (AudioUnavailableException e) {
            if (quietly) {
                LOG.debug("Microphone still unavailable: {}", e.getMessage());
            } else {
                LOG.warn("Microphone: {}", e.getMessage(), e.getCause());
                report(e.getMessage());
            }
        }
    }

    /**
     * Every half second: a stream whose sound card stopped calling is closed and the person told;
     * a stream that is not open is tried again, less often the longer it fails (a sound server
     * that restarts, a card that comes back). libwebrtc says nothing when its server goes away.
     */
    private synchronized void checkStreams() {
        if (closed) {
            return;
        }
        boolean lost = false;
        if (speaker != null && speaker.stalled(STALL_NANOS)) {
            LOG.warn("The speaker stream stopped (no request for sound in {} ms); closing it", STALL_NANOS / 1_000_000);
            closeSpeaker(true);
            lost = true;
        }
        if (microphone != null && microphone.stalled(STALL_NANOS)) {
            LOG.warn("The microphone stream stopped (no sound in {} ms); closing it", STALL_NANOS / 1_000_000);
            closeMicrophone(true);
            lost = true;
        }
        if (lost) {
            report(SOUND_STOPPED);
            retryDelayMs = CHECK_EVERY_MS;
            nextRetry = System.nanoTime();
        }
        if ((speaker == null || microphone == null) && System.nanoTime() - nextRetry >= 0) {
            if (speaker == null) {
                openSpeaker(!problem.isEmpty());
            }
            if (microphone == null) {
                openMicrophone(!problem.isEmpty());
            }
            retryDelayMs = Math.min(MAX_RETRY_MS, retryDelayMs * 2);
            nextRetry = System.nanoTime() + retryDelayMs * 1_000_000L;
        }
    }

    private void closeSpeaker() {
        closeSpeaker(false);
    }

    /** @param serverLost its sound server went away: the stream is abandoned, not disposed ({@link SoundStream#abandon}) */
    private void closeSpeaker(boolean serverLost) {
        if (speaker != null) {
            if (serverLost) {
                speaker.abandon();
            } else {
                speaker.close();
            }
            speaker = null;
            speakerFeed.close();
        }
    }

    private void closeMicrophone() {
        closeMicrophone(false);
    }

    private void closeMicrophone(boolean serverLost) {
        if (microphone != null) {
            if (serverLost) {
                microphone.abandon();
            } else {
                microphone.close();
            }
            microphone = null;
            microphoneChain.close();
        }
    }

    private void report(String sentence) {
        problem = sentence;
        notices.accept(sentence);
    }

    private void problemSolved() {
        if (!problem.isEmpty() && microphone != null && speaker != null) {
            problem = "";
            notices.accept("");
        }
    }

    /** What is wrong with the sound devices right now, in a sentence; empty when both work. */
    public String problem() {
        return problem;
    }

    /** On the sound-device-events thread: a device came or went. */
    private synchronized void devicesChanged() {
        if (closed) {
            return;
        }
        List<AudioDeviceInfo> inputs = devices.inputs();
        List<AudioDeviceInfo> outputs = devices.outputs();
        if (chosenOutput.isPresent() && !contains(outputs, chosenOutput.get())) {
            String gone = chosenOutput.get().name();
            chosenOutput = Optional.empty();
            openSpeaker();
            if (speaker != null) {
                report("\"" + gone + "\" was disconnected. You now hear the room on the system's default speaker.");
            }
        } else if (speaker == null) {
            openSpeaker();
        }
        if (chosenInput.isPresent() && !contains(inputs, chosenInput.get())) {
            String gone = chosenInput.get().name();
            chosenInput = Optional.empty();
            openMicrophone();
            if (microphone != null) {
                report("\"" + gone + "\" was disconnected. The others now hear you through the system's default microphone.");
            }
        } else if (microphone == null) {
            openMicrophone();
        }
    }

    private static boolean contains(List<AudioDeviceInfo> list, AudioDeviceInfo device) {
        return list.stream().anyMatch(d -> d.descriptor().equals(device.descriptor()));
    }

    // ---- AudioDeviceChooser ----

    @Override
    public List<AudioDeviceInfo> inputs() {
        return devices.inputs();
    }

    @Override
    public List<AudioDeviceInfo> outputs() {
        return devices.outputs();
    }

    @Override
    public synchronized void selectInput(AudioDeviceInfo device) {
        Optional<AudioDeviceInfo> wanted = Optional.ofNullable(device);
        if (!wanted.equals(chosenInput) || microphone == null) {
            chosenInput = wanted;
            openMicrophone();
        }
    }

    @Override
    public synchronized void selectOutput(AudioDeviceInfo device) {
        Optional<AudioDeviceInfo> wanted = Optional.ofNullable(device);
        if (!wanted.equals(chosenOutput) || speaker == null) {
            chosenOutput = wanted;
            openSpeaker();
        }
    }

    @Override
    public void addChangeListener(Runnable listener) {
        devices.addChangeListener(listener);
    }

    // ---- AudioBackend ----

    @Override
    public Media media() {
        return media;
    }

    @Override
    public AudioTrack localTrack() {
        return track;
    }

    @Override
    public LocalSend openSend() {
        return sender.open();
    }

    @Override
    public RemoteAudio attachRemote(PeerId peer, AudioTrack remoteTrack) {
        RemoteAudio remote = new RemoteAudio(peer, remoteTrack, remoteListener, false);
        remote.attach();
        return remote;
    }

    @Override
    public void setMicrophoneMuted(boolean muted) {
        this.muted = muted;
        microphoneChain.setSilenced(muted || deafened);
    }

    @Override
    public boolean microphoneMuted() {
        return muted;
    }

    @Override
    public void setDeafened(boolean deafened) {
        this.deafened = deafened;
        mixer.setDeafened(deafened);
        microphoneChain.setSilenced(muted || deafened);
    }

    @Override
    public boolean deafened() {
        return deafened;
    }

    @Override
    public VoiceGate voiceGate() {
        return gate;
    }

    @Override
    public void setVoiceProcessing(VoiceProcessing processing) {
        processor.apply(processing);
    }

    @Override
    public double localLevel() {
        return muted || deafened ? 0 : localMeter.rms();
    }

    @Override
    public Optional<AudioDeviceChooser> devices() {
        return Optional.of(this);
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        synchronized (this) {
            closed = true;
            closeMicrophone();
            closeSpeaker();
        }
        devices.close();
        sender.close();
        processor.close();
        // Order matters: track, then its source, then the media layer (factory, then device module).
        track.dispose();
        source.dispose();
        media.close();
    }
}
