<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>Audience</name>
    <message>
        <source>Playing</source>
        <extracomment>The translation context of every audience string. key → the English words (the catalog&apos;s source). Headlines are short: a class reads them from 10 m away in the 1.5 s a notice stays. (Values are ``object`` only because PySide&apos;s ``QT_TRANSLATE_NOOP`` says so: each is the very string it was given.)</extracomment>
        <translation>Reproduciendo</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Teaching pauses on</source>
        <translation>Pausas didácticas activadas</translation>
    </message>
    <message>
        <source>Teaching pauses off</source>
        <translation>Pausas didácticas desactivadas</translation>
    </message>
    <message>
        <source>stops at the end of each stanza</source>
        <translation>se detiene al final de cada estrofa</translation>
    </message>
    <message>
        <source>Lyrics 50 ms earlier</source>
        <translation>Letra 50 ms antes</translation>
    </message>
    <message>
        <source>Lyrics 50 ms later</source>
        <translation>Letra 50 ms después</translation>
    </message>
    <message>
        <source>offset {offset} ms</source>
        <translation>desfase {offset} ms</translation>
    </message>
    <message>
        <source>Bigger text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Texto más pequeño</translation>
    </message>
    <message>
        <source>{percent} %</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source>Black-out</source>
        <translation>Pantalla en negro</translation>
    </message>
    <message>
        <source>%1 to bring it back</source>
        <translation>%1 para que vuelva la imagen</translation>
    </message>
    <message>
        <source>Picture back</source>
        <translation>Vuelve la imagen</translation>
    </message>
    <message>
        <source>Stanza {number}/{total}</source>
        <translation>Estrofa {number}/{total}</translation>
    </message>
    <message>
        <source>Before the first stanza</source>
        <translation>Antes de la primera estrofa</translation>
    </message>
    <message>
        <source>Fullscreen</source>
        <translation>Pantalla completa</translation>
    </message>
    <message>
        <source>In a window</source>
        <translation>En una ventana</translation>
    </message>
    <message>
        <source>Key idea beside the video: on</source>
        <translation>Idea clave junto al vídeo: activada</translation>
    </message>
    <message>
        <source>Key idea beside the video: off</source>
        <translation>Idea clave junto al vídeo: desactivada</translation>
    </message>
    <message>
        <source>Vocals off: sing along</source>
        <translation>Sin voz: a cantar</translation>
    </message>
    <message>
        <source>Vocals on</source>
        <translation>Con voz</translation>
    </message>
    <message>
        <source>Key lower</source>
        <translation>Tono más grave</translation>
    </message>
    <message>
        <source>Key higher</source>
        <translation>Tono más agudo</translation>
    </message>
    <message>
        <source>key {shift}</source>
        <translation>tono {shift}</translation>
    </message>
    <message>
        <source>original key</source>
        <translation>tono original</translation>
    </message>
    <message>
        <source>Teacher&apos;s notes</source>
        <translation>Notas para el docente</translation>
    </message>
    <message>
        <source>This stanza has no notes.</source>
        <translation>Esta estrofa no tiene notas.</translation>
    </message>
    <message>
        <source>Song {elapsed} / {length} · Time {clock}</source>
        <translation>Canción {elapsed} / {length} · Hora {clock}</translation>
    </message>
    <message>
        <source>Stanza {number}</source>
        <translation>Estrofa {number}</translation>
    </message>
    <message>
        <source>Stanza {number} of {total}</source>
        <translation>Estrofa {number} de {total}</translation>
    </message>
    <message>
        <source>→ / %1 to continue</source>
        <translation>→ / %1 para continuar</translation>
    </message>
    <message>
        <source>{key}: more sources ({page}/{pages})</source>
        <translation>{key}: más fuentes ({page}/{pages})</translation>
    </message>
    <message>
        <source>Raise your hands</source>
        <translation>Levantad la mano</translation>
    </message>
    <message>
        <source>Answers: {count}</source>
        <translation>Respuestas: {count}</translation>
    </message>
    <message>
        <source>{letter} is right</source>
        <translation>La {letter} es la correcta</translation>
    </message>
    <message>
        <source>{letter} is right: {why}</source>
        <translation>La {letter} es la correcta: {why}</translation>
    </message>
    <message>
        <source>No question here</source>
        <translation>Aquí no hay pregunta</translation>
    </message>
    <message>
        <source>Follow the song on your phone</source>
        <translation>Sigue la canción en tu móvil</translation>
    </message>
    <message>
        <source>Scan the code, or open this address:</source>
        <translation>Escanea el código o abre esta dirección:</translation>
    </message>
</context>
<context>
    <name>AudienceWindow</name>
    <message>
        <source>{app} — audience view</source>
        <extracomment>The video&apos;s row, as a share of the window&apos;s height; the lyrics take the rest. The video&apos;s shape: beside it, the key idea takes the width a 16:9 picture leaves — but on a 4:3 screen at least 38 % of it, enough for a key idea at 1/30 of the height.</extracomment>
        <translation>{app} — vista del público</translation>
    </message>
    <message>
        <source>Audience view</source>
        <translation>Vista del público</translation>
    </message>
    <message>
        <source>The video, the lyrics and the key idea, for the class</source>
        <translation>El vídeo, la letra y la idea clave, para la clase</translation>
    </message>
</context>
<context>
    <name>CheckpointButtons</name>
    <message>
        <source>Stanza question:</source>
        <translation>Pregunta de la estrofa:</translation>
    </message>
    <message>
        <source>Ask the question</source>
        <translation>Hacer la pregunta</translation>
    </message>
    <message>
        <source>Show this stanza&apos;s question to the class and phones</source>
        <translation>Muestra la pregunta de esta estrofa a la clase y en los móviles</translation>
    </message>
    <message>
        <source>Reveal the answer</source>
        <translation>Mostrar la respuesta</translation>
    </message>
    <message>
        <source>Mark the right option and say why; answers lock</source>
        <translation>Marca la opción correcta y explica por qué; las respuestas ya no se pueden cambiar</translation>
    </message>
    <message>
        <source>Close the question</source>
        <translation>Cerrar la pregunta</translation>
    </message>
    <message>
        <source>Back to the teaching slide; the answers are kept</source>
        <translation>Vuelve a la pausa didáctica; las respuestas se guardan</translation>
    </message>
</context>
<context>
    <name>Checkpoints</name>
    <message>
        <source>Session report</source>
        <extracomment>The report notices showing (a non-modal box must be kept from Python&apos;s garbage collector).</extracomment>
        <translation>Informe de la sesión</translation>
    </message>
    <message>
        <source>The session report could not be saved.</source>
        <translation>No se ha podido guardar el informe de la sesión.</translation>
    </message>
    <message>
        <source>The class&apos;s answers are saved (JSON and CSV).</source>
        <translation>Las respuestas de la clase están guardadas (JSON y CSV).</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Abrir la carpeta</translation>
    </message>
</context>
<context>
    <name>Phones</name>
    <message>
        <source>Phones are off: turn them on with the Phones button first.</source>
        <extracomment>How long the join page shows when the server starts, in ms (time to take the phones out). The teacher page&apos;s commands that the checkpoint (a question round) performs. The teacher page&apos;s other commands → the presentation&apos;s command they perform (its action: the slot and the notice on the audience view, exactly as the key does). &quot;show_question&quot;, &quot;close_question&quot; or &quot;reveal&quot; from the teacher page (GUI thread).</extracomment>
        <translation>Los móviles están desactivados: actívalos primero con el botón Móviles.</translation>
    </message>
    <message>
        <source>The phones&apos; server could not start.</source>
        <translation>No se pudo iniciar el servidor para los móviles.</translation>
    </message>
</context>
<context>
    <name>PhonesPanel</name>
    <message>
        <source>Hide my remote</source>
        <extracomment>The teacher&apos;s QR code on the console, pixels per module (about 150 px: a phone scans it from the laptop&apos;s screen at arm&apos;s length).</extracomment>
        <translation>Ocultar mi mando</translation>
    </message>
    <message>
        <source>Show my remote</source>
        <translation>Mostrar mi mando</translation>
    </message>
    <message>
        <source>Phones</source>
        <translation>Móviles</translation>
    </message>
    <message>
        <source>Let students follow the song on their phones (a local web server)</source>
        <translation>Permite que los estudiantes sigan la canción en sus móviles (un servidor web local)</translation>
    </message>
    <message>
        <source>Network for the phones</source>
        <translation>Red para los móviles</translation>
    </message>
    <message>
        <source>The address phones connect to: the network the class is on</source>
        <translation>La dirección a la que se conectan los móviles: la red en la que está la clase</translation>
    </message>
    <message>
        <source>Students: %1</source>
        <translation>Estudiantes: %1</translation>
    </message>
    <message>
        <source>Your remote: scan with your phone (keep it to yourself)</source>
        <translation>Tu mando: escanéalo con tu móvil (no lo compartas)</translation>
    </message>
    <message>
        <source>QR code of your remote</source>
        <translation>Código QR de tu mando</translation>
    </message>
    <message>
        <source>Show the QR code of your remote here; hide it again if the class can see this screen</source>
        <translation>Muestra aquí el código QR de tu mando; vuelve a ocultarlo si la clase ve esta pantalla</translation>
    </message>
    <message>
        <source>New remote code</source>
        <translation>Nuevo código</translation>
    </message>
    <message>
        <source>Make a new link for your remote: the old one stops working</source>
        <translation>Crea un enlace nuevo para tu mando: el anterior deja de funcionar</translation>
    </message>
    <message>
        <source>1 phone connected</source>
        <translation>1 móvil conectado</translation>
    </message>
    <message>
        <source>%1 phones connected</source>
        <translation>%1 móviles conectados</translation>
    </message>
</context>
<context>
    <name>PresenterConsole</name>
    <message>
        <source>PLAYING</source>
        <extracomment>key → the console&apos;s English words (the catalog&apos;s source, context ``PresenterConsole``). The console is the teacher&apos;s: it speaks the *interface&apos;s* language (:func:`console_text`), while the song&apos;s own texts on it (titles, notes, explanation) stay in the explanations&apos; language. (``object`` only because PySide&apos;s ``QT_TRANSLATE_NOOP`` says so: each is a ``str``.)</extracomment>
        <translation>REPRODUCIENDO</translation>
    </message>
    <message>
        <source>PAUSED</source>
        <translation>EN PAUSA</translation>
    </message>
    <message>
        <source>TEACHING PAUSE</source>
        <translation>PAUSA DIDÁCTICA</translation>
    </message>
    <message>
        <source>→ to continue</source>
        <translation>→ para continuar</translation>
    </message>
    <message>
        <source>audience screen black</source>
        <translation>pantalla en negro</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Transcurrido</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Falta</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Stanza {number}/{total}</source>
        <translation>Estrofa {number}/{total}</translation>
    </message>
    <message>
        <source>Stanza {number}</source>
        <translation>Estrofa {number}</translation>
    </message>
    <message>
        <source>Before the first stanza</source>
        <translation>Antes de la primera estrofa</translation>
    </message>
    <message>
        <source>Stanzas</source>
        <translation>Estrofas</translation>
    </message>
    <message>
        <source>Key idea</source>
        <translation>Idea clave</translation>
    </message>
    <message>
        <source>Teacher&apos;s notes (only here; %1 projects them)</source>
        <translation>Notas para el docente (solo aquí; %1 las proyecta)</translation>
    </message>
    <message>
        <source>Teaching pauses (%1)</source>
        <translation>Pausas didácticas (%1)</translation>
    </message>
    <message>
        <source>Black out (%1)</source>
        <translation>Pantalla en negro (%1)</translation>
    </message>
    <message>
        <source>Stop presenting (%1)</source>
        <translation>Dejar de presentar (%1)</translation>
    </message>
    <message>
        <source>%1 jumps to the start of the chosen stanza</source>
        <translation>%1 salta al principio de la estrofa elegida</translation>
    </message>
    <message>
        <source>This stanza has no notes.</source>
        <translation>Esta estrofa no tiene notas.</translation>
    </message>
    <message>
        <source>⚠ Content note (only here)</source>
        <translation>⚠ Aviso sobre el contenido (solo aquí)</translation>
    </message>
    <message>
        <source>The whole explanation</source>
        <translation>La explicación completa</translation>
    </message>
    <message>
        <source>Audience screen:</source>
        <translation>Pantalla del público:</translation>
    </message>
    <message>
        <source>{app} — presenter console</source>
        <translation>{app} — consola del presentador</translation>
    </message>
    <message>
        <source>Stop at the end of each stanza to explain it; Next continues</source>
        <translation>Se detiene al final de cada estrofa para que la expliques; Siguiente continúa</translation>
    </message>
    <message>
        <source>Black out the audience screen, and bring the picture back</source>
        <translation>Pone en negro la pantalla del público y vuelve a mostrar la imagen</translation>
    </message>
    <message>
        <source>Back to the normal window, where the class was</source>
        <translation>Vuelve a la ventana normal, donde iba la clase</translation>
    </message>
    <message>
        <source>{index}: {name} {width}×{height}</source>
        <translation>{index}: {name} {width}×{height}</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>principal</translation>
    </message>
    <message>
        <source>audience by default</source>
        <translation>del público por defecto</translation>
    </message>
    <message>
        <source>screen</source>
        <translation>pantalla</translation>
    </message>
    <message>
        <source>The screen the class sees</source>
        <translation>La pantalla que ve la clase</translation>
    </message>
</context>
<context>
    <name>RunningOrder</name>
    <message>
        <source>whole song</source>
        <extracomment>Qt&apos;s translate, by a short name (lupdate finds the calls by it).</extracomment>
        <translation>canción entera</translation>
    </message>
    <message>
        <source>stanza %1</source>
        <translation>estrofa %1</translation>
    </message>
    <message>
        <source>stanzas %1–%2</source>
        <translation>estrofas %1–%2</translation>
    </message>
    <message>
        <source>teaching pauses on</source>
        <translation>pausas didácticas activadas</translation>
    </message>
    <message>
        <source>teaching pauses off</source>
        <translation>pausas didácticas desactivadas</translation>
    </message>
    <message>
        <source>Running order: %1</source>
        <translation>Orden de la clase: %1</translation>
    </message>
    <message>
        <source>item %1 of %2</source>
        <translation>parte %1 de %2</translation>
    </message>
    <message>
        <source>Notes for this item: %1</source>
        <translation>Notas para esta parte: %1</translation>
    </message>
</context>
</TS>
