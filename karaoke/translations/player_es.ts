<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>LessonPlayer</name>
    <message>
        <source>Lesson: item %1 of %2, %3</source>
        <extracomment>Qt&apos;s translate, by a short name (lupdate finds the calls by it).</extracomment>
        <translation>Lección: parte %1 de %2, %3</translation>
    </message>
    <message>
        <source>A song of this lesson can&apos;t be opened; it is skipped</source>
        <translation>Una canción de esta lección no se puede abrir; se salta</translation>
    </message>
    <message>
        <source>End of the lesson</source>
        <translation>Fin de la lección</translation>
    </message>
    <message>
        <source>Resume the lesson?</source>
        <translation>¿Continuar la lección?</translation>
    </message>
    <message>
        <source>“%1” was stopped before its end.</source>
        <translation>«%1» se detuvo antes de terminar.</translation>
    </message>
    <message>
        <source>The class stopped at item %1 of %2, “%3”, at %4.</source>
        <translation>La clase se detuvo en la parte %1 de %2, «%3», en %4.</translation>
    </message>
    <message>
        <source>Resume where the class stopped</source>
        <translation>Continuar donde se detuvo la clase</translation>
    </message>
    <message>
        <source>Start from the beginning</source>
        <translation>Empezar desde el principio</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Explanation</source>
        <translation>Explicación</translation>
    </message>
    <message>
        <source>The science behind the stanza being sung, with its sources</source>
        <translation>La ciencia detrás de la estrofa que se está cantando, con sus fuentes</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Hide the explanation panel (%1)</source>
        <translation>Ocultar el panel de explicación (%1)</translation>
    </message>
    <message>
        <source>Detach</source>
        <translation>Separar</translation>
    </message>
    <message>
        <source>Detach the explanation panel or dock it again</source>
        <translation>Separar el panel de explicación o volver a acoplarlo</translation>
    </message>
    <message>
        <source>Lyrics only</source>
        <translation>Solo letra</translation>
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
        <source>Open a song with %1 ▸ %2 (%3).</source>
        <translation>Abre una canción con %1 ▸ %2 (%3).</translation>
    </message>
    <message>
        <source>The lyrics go on without it.</source>
        <translation>La letra sigue de todos modos.</translation>
    </message>
    <message>
        <source>Lyrics offset: %1 ms</source>
        <translation>Desfase de la letra: %1 ms</translation>
    </message>
    <message>
        <source>Speed: %1×</source>
        <translation>Velocidad: %1×</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <extracomment>Each menu&apos;s commands in order; None is a separator; a string names a submenu (:data:`SUBMENUS`). The menu bar: (title, items). Mnemonics (``&amp;``) differ within the bar and within each menu, in every language (a test checks).</extracomment>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Reproducción</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>Explanation &amp;language</source>
        <translation>Idi&amp;oma de las explicaciones</translation>
    </message>
    <message>
        <source>&amp;Interface language</source>
        <translation>Idioma de la &amp;interfaz</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <extracomment>The themes&apos; menu labels (the theme table&apos;s labels are English, for the command line).</extracomment>
        <translation>&amp;Oscuro</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Claro</translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation>&amp;Alto contraste</translation>
    </message>
    <message>
        <source>&amp;System (%1)</source>
        <extracomment>&quot;Follow the desktop&quot; in View ▸ Interface language; %1 is the desktop&apos;s language, by name.</extracomment>
        <translation>Del &amp;sistema (%1)</translation>
    </message>
    <message>
        <source>&amp;Same as the interface</source>
        <extracomment>Languages by their own names, the same in every interface language; mnemonics that differ from each other and from &quot;System&quot; in both languages. The data of the interface-language choice that follows the desktop. The data of View ▸ Explanation language&apos;s first choice, which clears the user&apos;s choice: the explanations then follow the interface&apos;s language.</extracomment>
        <translation>&amp;Igual que la interfaz</translation>
    </message>
</context>
<context>
    <name>PackageImport</name>
    <message>
        <source>Import a song</source>
        <translation>Importar una canción</translation>
    </message>
    <message>
        <source>Import «%1» into your library?</source>
        <translation>¿Importar «%1» a tu biblioteca?</translation>
    </message>
    <message>
        <source>A copy goes into your songs folder; the file itself stays where it is.</source>
        <translation>Se guarda una copia en tu carpeta de canciones; el archivo queda donde está.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cannot import this song package</source>
        <translation>No se puede importar este paquete de canción</translation>
    </message>
</context>
<context>
    <name>PlayerDialogs</name>
    <message>
        <source>Cannot open this song</source>
        <translation>No se puede abrir esta canción</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Songs (%1)</source>
        <translation>Canciones (%1)</translation>
    </message>
    <message>
        <source>Open song</source>
        <translation>Abrir canción</translation>
    </message>
    <message>
        <source>Lessons (%1)</source>
        <translation>Lecciones (%1)</translation>
    </message>
    <message>
        <source>Video and audio (%1)</source>
        <translation>Vídeo y audio (%1)</translation>
    </message>
    <message>
        <source>Open video or audio</source>
        <translation>Abrir vídeo o audio</translation>
    </message>
    <message>
        <source>Lyrics (%1)</source>
        <translation>Archivos de letra (%1)</translation>
    </message>
    <message>
        <source>Open lyrics</source>
        <translation>Abrir letra</translation>
    </message>
    <message>
        <source>Click a line of the lyrics to jump to it.</source>
        <translation>Haz clic en una línea de la letra para saltar a ella.</translation>
    </message>
    <message>
        <source>While presenting to a class (a presentation clicker sends these)</source>
        <translation>Mientras presentas a la clase (un mando de presentaciones envía estas teclas)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>In this window</source>
        <translation>En esta ventana</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Acerca de %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;A karaoke player for science songs: the video, the lyrics word by word, and the science behind each verse with its sources.&lt;/p&gt;&lt;p&gt;Video and audio by libvlc; window by Qt.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Un reproductor de karaoke para canciones de ciencia: el vídeo, la letra palabra por palabra y la ciencia detrás de cada estrofa, con sus fuentes.&lt;/p&gt;&lt;p&gt;Vídeo y audio con libvlc; ventana con Qt.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Volume</name>
    <message>
        <source>Volume: %1%</source>
        <extracomment>How long the status line says the new volume, in ms.</extracomment>
        <translation>Volumen: %1 %</translation>
    </message>
    <message>
        <source>Muted (%1 to hear it again)</source>
        <translation>Silenciado (%1 para volver a oírlo)</translation>
    </message>
</context>
</TS>
