"""The slow part of the suite: `scripts/test.sh -m "not slow"` leaves it out for day-to-day work; CI runs everything.

`tests/conftest.py` marks `slow` every test of a module in `SLOW_MODULES` and every test whose function is named in
`SLOW_TESTS`. To find what to add, measure each test's CPU time (its own and its child processes', which a loaded
machine changes little, unlike wall time):

    scripts/test.sh -m "not slow" -p tests.cpu_times   # writes cpu-times.tsv: test, wall s, CPU s; slowest first

and move here the tests over half a second of CPU, so that the fast subset stays at a couple of minutes on two cores.
"""

from __future__ import annotations

# The slow part of the suite (`scripts/test.sh -m "not slow"` leaves it out for day-to-day work;
# CI runs everything): whole modules that start LibreOffice, git daemons, killed processes or the
# README workflow, and single tests that render PDFs or run large property searches.
_LISTED_MODULES = frozenset({
    "test_readme_workflow.py", "test_store_safety.py", "test_cli_sync.py", "test_render_pdf.py",
    "test_word_review.py", "test_importer_corpus.py", "test_web_concurrency.py", "test_export_print.py",
    "test_redline_screen.py", "test_sync_interrupted.py",
    "test_cli_amend_replacing.py", "test_web_replacing.py",  # a workspace, a draft, a round or a redline each
    "test_replacing_second_look.py",
    # newreg42's: a draft or a real law compared (0.6-1.5 s each)
    "test_not_carried_over.py", "test_article_clauses_moved.py", "test_replacing_issued.py",
    "test_compare_page_title.py",
    # Measured over 0.45 s a test, most of their tests (pytest --durations=0, 2026-12-03): the contract over
    # every command, link and fault injection, fuzzing the front matter, large imports, Word round trips.
    "test_cli_contract.py", "test_read_guard.py", "test_fuzz_frontmatter.py", "test_comment_import_large.py",
    "test_redline_docx.py", "test_redline_title.py", "test_faults.py", "test_docx_round_trip.py",
    "test_full_disk.py", "test_markdown_depth.py", "test_ref_locks.py",
    # mem33's, over 0.5 s each (pytest --durations, 2026-12-06): members and the office through the pages.
    "test_web_edit_wording.py",
    # r40's: PDFs read word by word (pdftotext -bbox), 1-2 s a test.
    "test_long_runs_wrap.py", "test_report_long_words.py",
    # speed36's: two 14-page PDFs each (1.7 s a test).
    "test_page_refs.py",
    # sync37's: two clones and a bare remote, two to four syncs a test (0.4-1.4 s of CPU each).
    "test_sync_adopted_text.py",
    # office42's: review pages of three drafts in flight (0.7-1.2 s a test).
    "test_web_pending_overlaps.py",
    "test_drafts_in_flight.py",  # office43: Luật 22/2023 with 57/2024 and drafts written, redlines in each format
    # en37's: chromium switching the interface's language.
    "test_web_interface_language_browser.py",
    # office37's: two clones, an adoption and a bare remote (0.6-1.5 s of CPU a test).
    "test_sync_hand_edits.py", "test_sync_added_instructions.py", "test_adopt_cancel.py",
    "test_write_ctrl_c.py", "test_comment_after_adoption.py", "test_accept_interrupted.py",  # intr43: a process each
    "test_ctrl_c_dropped.py",  # ck43: a regdraft process each
    # sync38's: two clones, a forged adoption reverted, six syncs (about 4 s of CPU).
    "test_sync_stale_tags.py",
    # clean38's: two clones and a bare remote, three syncs (about 2 s of CPU a test).
    "test_sync_clean_merges.py",
    # sync39's: Luật Đấu thầu and Luật 57/2024 imported, three from-edits on them, two clones (4-6 s of CPU a test).
    "test_sync_corpus_merge.py",
    # stale42's: Luật Đấu thầu, Luật 57/2024 adopted after a draft was begun (about 5 s of CPU, the module's fixture).
    "test_amend_stale_drafts.py",
    # misc40's: Luật Đấu thầu and Luật 57/2024 imported, one or two from-edits on them (2-4 s of CPU a test).
    "test_cli_amend_from_edits_issued.py",
    # issued41's: Luật Đấu thầu and Luật 57/2024 imported, one from-edits on them (about 3 s of CPU a test).
    "test_cli_amend_from_edits_quoted_numbers.py",
    # misc40's: Luật Đấu thầu imported, `amend check` of an amendment on it (1-2 s of CPU a test).
    "test_amend_check_read_back.py",
    # misc40's: the shipped workspace adopted, an English amendment adopted, three exports (about 3 s of CPU).
    "test_translation_partial_framed.py",
    # misc40's: Luật Đấu thầu imported, an amendment adopted and exported (about 2 s of CPU).
    "test_consolidated_last_points.py",
    # order39's: two clones and a bare remote, Luật Đấu thầu and Luật 57/2024 imported (1-2 s of CPU a test).
    "test_sync_added_numbers.py",
    # upgrade39's: two clones and a bare remote, four syncs a test (1.6-2 s of wall time a test).
    "test_sync_dropped_keys.py",
    # web40's: `regdraft review` in its own process stopped by SIGTERM mid-write, then `check` (several s a test).
    "test_web_stop_writes.py",
    # web41's: a member's comments through the pages, one set aside, the bound reached (0.6-1.8 s of CPU a test).
    "test_web_member_bound_aside.py",
    # keys41's: histories of dozens of commits made by fast-import, then `check` twice or three times (1-3 s a test).
    "test_dropped_keys_cost.py",
})
_LISTED_TESTS = frozenset({
    # moves41's: a Word redline written and read back (0.71 s of CPU).
    "test_the_word_redline_rejected_reads_the_old_text_and_accepted_the_new",
    # web41's: two comments through the pages, one file deleted, three to six pages read (0.4-0.73 s of CPU a test).
    "test_the_office_reads_the_file_and_its_git_and_the_pages_come_back",
    "test_a_member_reads_every_other_comment_and_is_told_in_their_words",
    # a11y41's: the shipped redline rendered three times, its pieces and two pages (1.2 s of CPU).
    "test_the_html_redline_says_its_marks_and_the_pdfs_page_does_not",
    # keys40's: six comments lost, checked twice and repaired (1.2 s of CPU and 0.7 s in git).
    "test_many_losses_of_one_commit_cost_one_git_log_and_are_named_in_one_warning",
    # fields40's: two clones and a bare remote, four syncs (0.56 s of CPU).
    "test_sync_never_puts_the_lines_back",
    # web40's: `check` in its own process without root's capabilities, a comment file it may not read (0.94 s of CPU).
    "test_check_names_a_comment_file_it_may_not_read_and_checks_the_others",
    # vote41's: a round, two votes and the comment report written as HTML, DOCX and XLSX (0.59 s of CPU).
    "test_the_report_of_the_round_voted_on_ends_with_the_votes_in_each_format",
    # vote40's: four votes and an adoption, or a received parts file checked then refused (0.53 s of CPU).
    "test_adoption_without_the_gate_names_the_parts_without_a_majority",
    "test_a_parts_file_that_cannot_be_read_is_named_by_check_and_refused_by_adoption",
    # sec40's: two clones, a forged adoption reverted, a sync and a check (about 3 s); a refused adoption, status
    # and number, and a check (about 1.5 s); a marker refused twice with its check (about 1.3 s).
    "test_a_remote_tag_named_with_shell_code_is_named_in_advice_that_runs_no_code",
    "test_a_number_a_shell_reads_as_code_is_refused_where_it_would_make_a_tag",
    "test_a_marker_that_is_a_link_or_huge_is_refused_unread_and_check_names_it",
    # sec40's: 25 comment files deleted, a list and a check (about 1.5 s).
    "test_a_folder_of_deleted_comments_is_named_by_its_first_files_in_as_many_gits_as_one",
    # sec40's: an adoption and a check with the history bound lowered (about 1 s); a crafted marker refusing a write.
    "test_an_adopted_copy_over_the_history_bound_is_a_note_not_silence",
    "test_who_wrote_a_newer_marker_is_quoted_as_words_never_as_a_command",
    # table39's: a WeasyPrint layout of a small comparison-table cell (0.55 s of CPU).
    "test_a_run_of_dots_after_words_inserted_wraps_inside_its_cell",
    # sync39's: a first sync killed in its own process, then one or two syncs (1-2 s of CPU each).
    "test_a_first_sync_killed_half_way_is_named_by_the_next_command_and_finished_by_sync",
    "test_a_first_sync_killed_half_way_is_undone_by_sync_abort",
    "test_a_first_sync_killed_once_the_branch_was_taken_is_said_by_the_next_sync",
    # first39's: a first sync killed twice in its own process, undone, then finished (1-2 s of CPU).
    "test_a_first_sync_killed_half_way_takes_away_its_links_and_folders_too",
    # web39's: an edit, two answers and an accept through the pages (0.45 and 0.83 s of CPU); and chromium's (their
    # modules are slow already): a finger's tap on a phone, two links in one tab, the language switched with text typed.
    "test_a_reworded_comment_says_what_it_left_out_beside_saved",
    "test_an_answer_and_an_accept_say_what_they_left_out_of_the_reply",
    "test_a_finger_on_a_clauses_first_words_chooses_the_clause_not_its_badge",
    "test_a_draft_typed_as_one_link_is_never_offered_to_another_in_the_same_tab",
    "test_switching_language_with_a_comment_or_an_answer_typed_keeps_it_without_asking",
    # inv38's (2-6 s of wall time each at load, not measured for CPU): the review form's notes in two languages, an
    # older browser comment through every report, a second round opened, Luật Du lịch imported with C1 controls.
    "test_the_review_form_says_on_the_next_page_what_it_left_out",
    "test_an_older_browser_comment_shows_its_selection_apart",
    "test_round_open_says_what_the_title_and_bodies_lost", "test_an_import_writes_windows_1252_quotes_as_meant",
    "test_an_import_refuses_a_control_fmt_cannot_write_and_writes_nothing",
    # record38's: two adoptions, a refusal, a git revert and two adoptions again (2 s).
    "test_a_signed_document_adopted_after_later_ones_is_told_to_undo_them_and_the_commands_do_it",
    "test_an_amendment_not_yet_in_force_is_not_cited_as_amending_the_text",  # an adoption and a new draft (1-2 s)
    "test_a_draft_to_be_signed_later_cites_the_amendment_in_force_by_then",  # an adoption and three drafts (2 s)
    # rec39's: 63/2010 with 48/2013 and 61/2020 adopted, a refusal, its git reverts and adoptions again (2-7 s).
    "test_a_document_that_fails_on_its_own_date_is_told_to_undo_the_later_ones_and_mend_it",
    "test_a_document_between_two_dates_of_another_is_told_to_undo_it_and_adopt_it_again",
    "test_a_document_no_order_of_adoption_records_is_told_why", "test_the_way_out_through_a_shared_remote",
    # cmp38's: the page's seal on bytes against the text's, on pages Hypothesis draws (6 s and 1 s of CPU).
    "test_the_bytes_seal_is_the_text_seal_encoded", "test_a_page_in_pieces_is_written_as_the_page_joined",
    "test_canonical_files_are_never_ambiguous", "test_fast_block_reader_equals_markdown_it",
    "test_every_quoted_phrase_is_whole_words_in_english_too",
    "test_every_quoted_phrase_is_whole_words_and_the_edits_are_reproduced",
    "test_markdown_export_parses_again_with_only_the_markers_added", "test_map_units_identity_on_any_address",
    "test_the_generated_amendment_reproduces_edits_of_the_shipped_regulation",
    "test_the_generated_amendment_reproduces_edits_of_the_english_regulation",
    "test_the_generated_amendment_reproduces_edits_of_generated_regulations",
    "test_shipped_amendment_pdf_lists_every_change", "test_parse_of_render_is_identity",
    "test_ten_megabyte_regulation_is_parsed", "test_libreoffice_lays_out_the_header_row_and_numbers_pages",
    "test_comment_yaml_round_trips", "test_libreoffice_converts_the_docx",
    "test_english_documents_print_english_header_words", "test_pdf_text_fonts_and_footnotes_on_the_page_of_their_call",
    "test_shipped_amendment_report_pdf", "test_round_trip_export_to_docx_and_import_back",
    "test_markdown_parses_again_as_the_consolidated_regulation", "test_random_valid_instructions_apply_and_round_trip",
    "test_table_pdf_repeats_header_and_label_on_every_page",
    "test_changed_only_table_pdf_prints_the_renamed_article_as_its_title",
    "test_both_titles_read_whole_in_the_html_pdf_and_word_redline",
    # Over 0.45 s each in the fast subset (pytest -m "not slow" --durations=0, 2026-12-03), which is to stay
    # under a minute on two cores: move a test here when it grows past that.
    "test_a_changed_dash_item_is_amended_alone_not_its_unit",
    "test_a_changed_plus_item_is_amended_alone_not_its_dash_item",
    "test_a_command_needing_a_pending_amendment_is_bad_usage_without_one",
    "test_a_comment_added_after_adoption_elsewhere_is_reported",
    "test_a_comment_added_to_a_round_closed_in_another_clone_is_reported",
    "test_a_move_is_double_struck_where_it_stood_and_double_underlined_where_it_stands",
    "test_a_phrase_in_two_provisions_is_widened_past_other_words_there",
    "test_the_amendment_is_the_one_written_when_every_round_read_everything",
    "test_a_phrase_is_not_quoted_where_it_also_changes_part_of_a_word_or_a_citation",
    "test_a_phrase_replaced_everywhere_is_widened_until_it_is_unambiguous",
    "test_a_provision_with_other_edits_is_amended_and_left_out_of_the_phrase_instruction",
    "test_accept_refused_over_uncommitted_edits_keeps_the_reply",
    "test_accepting_a_proposal_changes_the_amendment_in_one_commit_naming_the_comment",
    "test_accepting_a_proposal_on_the_second_regulation_rewrites_its_article",
    "test_accepting_a_wording_rewrites_the_article_for_its_regulation",
    "test_adopt_names_every_missing_step_and_its_command", "test_adopted_amendment_has_its_date_and_no_draft_banner",
    "test_an_amending_documents_article_title_survives_writing_and_reading",
    "test_an_english_amendment_is_reviewed_in_english", "test_an_english_row_continues_as_article_4_continued",
    "test_answering_records_disposition_and_reply", "test_any_heading_line_reads_as_commonmark_and_fmt_keeps_it",
    "test_any_title_survives_writing_and_reading", "test_bad_input_gives_a_clear_message",
    "test_check_colours_problems_on_a_terminal_only", "test_check_log_and_refs_page_too",
    "test_check_names_a_bad_word_at_its_file_and_line",
    "test_compare_lists_changes_with_marks_in_colour_on_a_terminal_only",
    "test_deleted_words_are_widened_past_the_same_words_elsewhere", "test_docx_has_styles_text_and_real_footnotes",
    "test_english_regulation_exports_with_english_words", "test_english_wording",
    "test_every_import_is_declared_and_every_declaration_imported",
    "test_every_option_a_library_error_points_to_exists",
    "test_export_without_output_or_format_writes_the_default_pdf",
    "test_from_edits_during_an_open_round_warns_and_the_next_round_needs_the_next_draft",
    "test_insertions_and_deletions_keep_single_lines_unlike_a_move",
    "test_library_text_names_no_command_line_options", "test_list_follows_provisions_into_the_next_draft",
    "test_main_regulation_second_in_the_document", "test_many_articles_in_one_pass",
    "test_marks_are_coloured_on_a_terminal_and_plain_with_no_color", "test_no_import_cycles",
    "test_nothing_outside_the_targeted_provisions_changes",
    "test_numbers_are_found_as_the_regular_expression_alone_finds_them", "test_parallel_runs_share_the_cache_safely",
    "test_renumbering_alone_is_a_note_not_a_mark", "test_reviewer_comments_only_as_their_body_and_cannot_answer",
    "test_show_of_a_whole_regulation_longer_than_the_screen_is_paged",
    "test_texts_with_more_words_than_codes_compare_without_failing",
    "test_the_amendment_address_leads_to_its_redline_and_the_own_files_are_served",
    "test_the_amendment_reader_and_apply_raise_only_regdraft_errors",
    "test_the_consolidated_text_keeps_numbers_whole", "test_the_markdown_reader_raises_only_regdraft_errors",
    "test_the_redline_keeps_numbers_whole",
    "test_the_shipped_amendment_renumbers_clauses_of_dieu_9_so_it_needs_allow_renumber",
    "test_the_vietnamese_workspace_is_reviewed_in_vietnamese",
    "test_word_comment_on_the_second_text_lands_on_that_regulation",
    "test_word_replacements_come_after_the_structural_instructions", "test_words_replaced_are_marked_in_a_pipe",
    # wording31's, over 0.5 s each (pytest --durations, 2026-12-06): exports and redlines through the CLI.
    "test_an_accepted_wording_with_a_character_reference_reads_as_typed_everywhere",
    "test_an_imported_text_prints_its_characters_in_every_output",
    "test_the_word_redline_prints_emphasis_as_italic_and_bold_runs",
    # escape32's, over 0.5 s each (pytest --durations, 2026-12-06): a workspace's import, accept and checks.
    "test_quoted_words_of_an_imported_amending_text_find_the_imported_regulations_words",
    "test_a_real_amending_law_needs_no_escape",
    "test_wording_accepted_as_typed_is_named_with_its_line_and_how_to_write_it",
    "test_the_review_page_and_the_marked_proposal_show_the_words_as_typed",
    # app36's: 1.2 s of CPU (tests.cpu_times): import, check, redline, adopt and two exports of the staff rules.
    "test_check_redline_adoption_and_the_consolidated_copies_show_the_renamed_schedule",
    "test_an_english_wrong_name_is_a_clear_error_of_amend_check",  # 0.6 s: the shipped workspace, `amend check`
    # scaf36's (tests.cpu_times): two PDFs of the shipped regulation (12 s); `amend new`, `check` and an HTML export.
    "test_the_pdf_prints_the_type_and_the_page_number_at_the_profiles_sizes",
    "test_a_new_law_prints_its_closing_sentence_and_its_blank_number",
    # en37's (tests.cpu_times): a review page built twice (0.8 s); Luật 57/2024's workspace and page (1.5 s).
    "test_the_page_sends_each_line_once_and_every_provision_reads_its_whole_text", "test_a_law_sends_its_lines_once",
    # and 0.5-1.4 s each: every page of an amendment, or a few, in both interface languages.
    "test_a_member_reads_a_vietnamese_amendment_with_english_words_around_it",
    "test_an_english_amendment_is_read_with_vietnamese_words_when_the_browser_prefers_them",
    "test_the_choice_is_kept_in_a_cookie_of_this_server_and_the_browsers_languages_come_next",
    "test_a_page_kept_in_one_language_is_not_handed_out_in_the_other",
    "test_the_document_keeps_its_own_language_and_says_so", "test_every_page_links_to_itself_in_the_other_language",
    "test_the_versions_compared_are_named_in_the_documents_words_whatever_the_interfaces",
    # legal37's: `amend new` and an amendment's PDF (3 s) or Word export.
    "test_the_pdf_prints_the_mark_at_14_pt", "test_word_prints_the_mark_at_14_pt_bold_in_a_box",
    "test_the_review_copy_keeps_its_own_banner_in_place_of_the_mark",
    "test_a_new_ordinance_prints_its_closing_sentence_and_its_blank_number",
    "test_an_imported_decree_is_reprinted_with_its_date_and_cited_by_the_rule",
    # office37's (tests.cpu_times): two clones and a bare remote, syncs back and forth.
    # office37's (tests.cpu_times, 0.5-0.65 s of CPU): two clones and a bare remote, syncs back and forth; a round
    # closed and two comments after it; an export beside a half-written file, twice.
    "test_both_clones_name_the_same_copy_to_withdraw_and_check_warns_when_every_copy_is_withdrawn",
    "test_a_number_given_and_late_comments_are_said_as_such",
    "test_a_write_beside_a_file_a_killed_export_left_removes_it",
    # fe42's: phrase searches on the shipped regulation, counted (1-3 s of CPU).
    "test_a_phrase_whose_edits_cost_is_never_asked_whether_it_is_a_few_words",
    "test_one_search_builds_the_cohesion_of_the_text_in_force_once", "test_a_kept_cohesion_answers_as_a_new_one",
    "test_the_phrases_of_a_round_are_gathered_without_hashing_an_address_each",
    # accept37's: two (one) accepted proposals on the shipped workspace, 1-2 s of CPU.
    "test_a_second_accept_widens_no_edit_the_first_widened",
    "test_an_accepted_text_equal_to_the_proposal_is_not_searched_for_instructions",
    # accept39's: an accepted proposal on the shipped workspace, its whole walks counted (0.6 s of CPU).
    "test_an_accept_walks_each_text_a_few_times",
    # accept37's: a browser comment's selection in the five report formats (4 s of CPU); two browser comments (0.6 s).
    "test_a_selection_made_in_the_browser_is_shown_by_every_report",
    "test_the_same_words_on_two_passages_of_a_provision_are_two_comments",
    # accept37's: a Word reply's proposals after their label, imported, reported and accepted (3.8 s of CPU);
    # imported twice (0.6 s).
    "test_a_tracked_change_on_a_point_or_clause_is_proposed_after_its_label",
    "test_a_reply_imported_before_the_label_is_known_again",
    # tr38's: an English amendment adopted to the shipped translation, then check, list and show (1 s of CPU).
    "test_a_partial_translation_of_an_amendment_is_warned_of_by_check_list_and_show",
    "test_a_translation_keeps_its_original_s_instruction_numbers_and_its_footnotes_cite_them",
    # en38's: a workspace, an amendment, a round and its report written (1.5 s).
    "test_the_report_of_rules_kept_under_a_name_is_numbered_in_their_series",
    # en39's: a partial English translation adopted, then exported as Markdown, PDF and DOCX (9 s of CPU).
    "test_the_exported_translation_names_its_untranslated_instructions_in_every_format",
    # en39's: a workspace, an amendment and its draft written as HTML (0.45-0.6 s).
    "test_the_draft_of_rules_kept_under_a_name_prints_its_blank_number_in_their_series",
    # en39's: the English translation's PDF and DOCX with 'Page x of y' (7.6 s).
    "test_an_english_pdf_and_docx_say_page_x_of_y_and_a_vietnamese_text_trang_x_y",
    # cmp43's: every real text imported (2.7 s), a check (1.1 s), a real law imported and renumbered.
    "test_no_real_text_names_a_provision_twice", "test_check_warns_of_a_provision_cited_twice",
    "test_a_real_laws_half_renumbered_list_cited_twice_is_found",
    # cmp43's: three redline PDFs read page by page (24 s).
    "test_the_inline_redlines_line_names_the_old_text_as_its_heading_does",
    # cmp43's: a real law's comparison written as HTML and PDF in both layouts (18 s).
    "test_the_inline_and_table_redlines_mark_them_moved_and_say_where",
})


# Measured (tests.cpu_times) at 0.5 s of CPU or more each in the fast subset, 2026-12-06, load average 4-24 (the
# fast subset was 4,340 tests and 745 s of CPU; these 471 tests, 451 s of it): whole modules where every test was.
_MEASURED_MODULES = frozenset({
    "test_accept_keeps_lines.py", "test_accept_reply.py", "test_cli_amend_from_edits_phrases.py",
    "test_cli_terminal.py", "test_comparison_rows_whole.py", "test_export_blank_entry.py", "test_line_fit.py",
    "test_review_copy_marks.py", "test_table_rows_whole.py", "test_web_moved.py",
    "test_web_proposal_changes_nothing.py", "test_word_reply_bounds.py", "test_word_reply_closing.py",
    "test_word_reply_luat57_r28.py",
    # word37's: Luật Đấu thầu and Luật 57/2024 imported once, a review copy and one or two imports a test.
    "test_word_reply_same_clause_twice.py",
    # word38's: Nghị định 63/2010 imported and Phụ lục I rewritten once, one or two imports a test.
    "test_word_reply_table_cells.py",
    # wordtab38's: Nghị định 63/2010 imported, amended and its Word redline written once, an import a test.
    "test_word_reply_redline_tables.py",
    # word39's: Nghị định 63/2010 imported, amended, its review copy and Word redline written once, two imports a test.
    "test_word_reply_table_places.py",
    # word39's: Nghị định 63/2010 amended by 48/2013 and its Word redline written once, an import a test.
    "test_word_reply_redline_rejected.py",
    # rej40's: Luật Du lịch imported, amended and its Word redline written once, an import a test.
    "test_word_reply_redline_rejected_place.py",
    # reply43b's: Nghị định 63/2010 amended by 48/2013 and its Word redline written once, an import a test.
    "test_word_reply_redline_label.py",
    # word41's: Luật Du lịch imported, amended and its Word redline written once, an import a test.
    "test_word_reply_rejected_repeal.py",
    # word41's: Nghị định 63/2010 imported, amended and its Word redline written once, an import a test.
    "test_word_reply_cell_paragraphs.py",
    # word41's: Nghị định 63/2010 amended by 48/2013 and its Word redline written once, an import a test.
    "test_word_reply_rejected_moved.py",
    # wordwhole41's: 63/2010 with 48/2013 and 22/2023 with 57/2024 imported, their Word redlines written once each.
    "test_word_reply_rejected_rewritten.py",
    # word42's: 63/2010 with 48/2013 and 22/2023 with 57/2024 imported, their Word redlines written once each.
    "test_word_reply_rejected_kept.py",
    # reply43's: 63/2010 with 48/2013 imported and its Word redline written once, two imports a test.
    "test_word_reply_rejected_split.py",
})
_MEASURED_TESTS = frozenset({
    "test_a_bracketed_note_is_deleted_as_it_stands", "test_a_broken_thread_part_leaves_each_comment_standing",
    "test_a_change_in_an_instructions_quoted_text_is_a_proposal_with_exactly_that_change",
    "test_a_changed_form_is_marked_amended_adopted_and_noted_in_the_text_in_force",
    "test_a_changed_lead_in_is_amended_alone_as_real_laws_do",
    "test_a_changed_table_in_the_redline_repeats_its_names_in_pdf_and_word",
    "test_a_clause_repealed_already_at_the_end_of_an_article_amended_whole_is_never_quoted",
    "test_a_client_that_never_reads_its_answers_is_dropped",
    "test_a_comment_holding_only_the_quotation_of_the_words_selected_is_refused",
    "test_a_comment_of_a_closed_round_answered_from_an_old_page_says_why_and_keeps_the_reply",
    "test_a_comment_on_the_words_of_a_text_box_is_placed_where_the_box_stands_and_said",
    "test_a_comment_sent_while_a_sync_rebases_waits_for_it_and_is_recorded",
    "test_a_comment_whose_wording_is_in_the_draft_cannot_be_answered_as_not_taken_in",
    "test_a_comments_joiners_are_kept_and_direction_overrides_left_out",
    "test_a_compare_with_an_edited_preamble_does_not_import_html",
    "test_a_consolidating_body_heads_and_authenticates_the_copy",
    "test_a_copy_for_reference_marks_the_base_s_signature_as_a_copy_s",
    "test_a_copy_made_before_an_adoption_is_named_as_such",
    "test_a_copy_sent_again_with_a_reply_added_brings_in_only_the_reply",
    "test_a_copy_sent_again_with_its_comments_renumbered_brings_in_only_the_new_one",
    "test_a_decree_s_notes_name_the_amending_decree_by_number_and_title",
    "test_a_folder_moved_twice_is_followed_back_through_both_moves",
    "test_a_folder_moved_while_its_round_is_open_takes_comments_on_the_circulated_draft",
    "test_a_form_of_nghi_dinh_63_2010_changed_in_its_appendix",
    "test_a_forwarded_copy_brings_in_only_the_second_bodys_comments",
    "test_a_group_that_repeals_says_so_in_its_heading",
    "test_a_hard_wrapped_copy_of_the_published_form_imports_as_the_clean_text",
    "test_a_hostile_template_is_stopped_with_a_sentence_naming_it",
    "test_a_law_is_named_by_type_number_and_title_on_one_line",
    "test_a_lead_in_or_closing_text_amended_is_labelled_so_not_as_words_replaced",
    "test_a_lead_in_proposal_adding_a_point_is_refused_naming_the_line",
    "test_a_line_break_counts_once_toward_the_members_bound", "test_a_long_line_in_a_new_wording_returns",
    "test_a_member_sending_too_fast_is_refused_before_the_lock",
    "test_a_member_sends_at_most_the_bound_in_a_round_and_others_are_not_affected",
    "test_a_ministry_name_holding_va_is_replaced_whole_in_one_instruction",
    "test_a_ministry_name_is_not_cut_at_its_inner_comma",
    "test_a_name_cut_short_reads_type_and_number_first_in_every_format",
    "test_a_named_pipe_in_the_git_folder_is_refused_before_anything_waits_on_it",
    "test_a_new_draft_prints_the_profile_s_motto_not_the_en_dashes_of_a_2010_decree",
    "test_a_new_point_added_after_the_last_point_is_a_point_of_the_clause",
    "test_a_number_keeps_its_whole_unit_and_is_not_widened_to_claim_the_whole_law",
    "test_a_percentage_is_quoted_with_its_comparator_not_run_on_to_a_function_word",
    "test_a_phrase_changed_with_its_first_capital_is_one_instruction_in_luat_thanh_nien",
    "test_a_phrase_cut_inside_cap_bang_loses_to_the_name_at_its_places",
    "test_a_phrase_replaced_everywhere_is_one_instruction",
    "test_a_phrase_replaced_throughout_names_the_amended_texts_type",
    "test_a_phrase_stops_at_the_comma_before_it_and_the_conjunction_after_it",
    "test_a_point_letter_changed_keeps_its_label", "test_a_point_split_by_enter_alone_is_a_proposal_with_the_break",
    "test_a_point_struck_out_whole_is_a_proposal_to_repeal_it",
    "test_a_proposal_dropping_points_is_not_recorded_until_the_member_confirms_it",
    "test_a_proposal_in_an_article_the_amendment_renumbers_is_accepted",
    "test_a_proposal_made_before_the_provision_changed_is_not_written_over_the_change",
    "test_a_proposal_the_draft_already_reads_as_is_accepted_without_writing_anything",
    "test_a_provision_rewritten_then_a_phrase_of_it_replaced_is_named_by_the_rewrite",
    "test_a_redline_pdf_says_which_words_are_struck_and_which_inserted",
    "test_a_renumbering_of_the_drafter_is_still_refused_naming_only_it",
    "test_a_repair_finishes_over_files_as_head_or_the_journal_has_them",
    "test_a_repair_refuses_over_a_comment_edited_after_the_kill",
    "test_a_replacement_throughout_put_back_at_one_place_names_the_others",
    "test_a_reply_in_a_forwarded_copy_comes_in_alone_under_the_body_that_replied",
    "test_a_reply_unpacking_past_the_total_bound_is_refused", "test_a_reviewer_sees_only_circulated_drafts",
    "test_a_reviewers_proposal_on_a_form_is_accepted_into_the_draft",
    "test_a_round_closed_before_its_folder_moved_prints_its_report_and_copy",
    "test_a_round_opened_while_its_folder_had_another_name_is_read_after_the_folder_is_renamed_back",
    "test_a_row_added_to_the_header_table_is_one_passage_naming_its_place",
    "test_a_run_of_adoptions_keeps_the_kinds_its_instructions_state",
    "test_a_run_of_brackets_costs_what_emphasis_does",
    "test_a_second_accept_folded_into_the_same_instruction_keeps_both_reasons",
    "test_a_second_check_loads_neither_git_nor_yaml_nor_markdown_it",
    "test_a_second_run_compiles_no_data_class_method_and_makes_the_same_ones",
    "test_a_shipped_template_run_by_a_workspace_template_is_counted",
    "test_a_split_clause_and_the_clauses_renumbered_after_it_are_accepted_as_word_reads_them",
    "test_a_submission_reads_no_unchanged_comment_file_under_the_lock",
    "test_a_sync_after_one_killed_brings_in_and_reports_the_rest",
    "test_a_sync_never_gives_one_documents_tag_name_to_another",
    "test_a_thread_whose_comments_were_imported_one_by_one_imports_nothing_again",
    "test_a_thread_imported_as_one_is_known_again_once_libreoffice_saved_the_reply",
    "test_a_thread_imported_as_one_is_known_again_in_a_copy_that_lost_the_thread",
    "test_a_title_given_to_an_untitled_article_re_enacts_the_article",
    "test_a_unit_not_in_the_old_text_is_inserted_across_the_run", "test_a_warm_compare_does_not_import_jinja2",
    "test_a_warm_compare_imports_no_yaml", "test_a_warm_redline_compiles_only_the_patterns_it_uses",
    "test_a_warm_redline_imports_only_what_it_uses",
    "test_a_wingdings_mark_with_no_unicode_character_is_kept_and_said",
    "test_a_word_in_capitals_broken_line_after_line_reads_in_proportion",
    "test_a_word_is_not_cut_where_its_first_syllable_always_goes_on_with_the_next",
    "test_a_word_reply_whose_import_was_interrupted_is_refused_not_taken_for_imported",
    "test_a_wrapped_law_imports_as_the_clean_law_but_for_the_warned_joins",
    "test_accepting_a_proposal_changes_the_lines_of_its_instruction_alone",
    "test_accepting_a_proposal_rewords_no_other_instruction_of_luat_57_2024",
    "test_accepting_a_proposal_says_the_amending_document_changed_and_how",
    "test_adopting_under_a_name_an_older_regdraft_gave_another_terms_adoption",
    "test_an_adopted_decree_that_says_only_sua_doi_is_listed_so",
    "test_an_adoption_interrupted_mid_write_is_finished_by_the_repair_it_names",
    "test_an_adoption_killed_then_edited_by_hand_is_not_finished_over_the_edit",
    "test_an_altered_entry_is_ignored_and_written_again",
    "test_an_amendment_import_is_refused_while_an_interrupted_write_waits",
    "test_an_answer_taken_at_its_rate_is_sent_whole",
    "test_an_article_moved_in_the_shipped_amendments_preview_is_repealed_and_inserted",
    "test_an_edit_beside_an_instruction_group_adds_one_instruction",
    "test_an_edit_inside_a_unit_an_instruction_quotes_changes_that_line_alone",
    "test_an_edit_of_the_clause_beside_one_an_instruction_amends_joins_it",
    "test_an_edit_where_a_phrase_instruction_changes_words_adds_one_phrase_instruction",
    "test_an_edit_where_a_word_instruction_changes_words_adds_one_word_instruction",
    "test_an_edited_compare_keeps_its_reading_without_tempfile",
    "test_an_edited_corpus_law_reads_the_same_with_the_earlier_articles",
    "test_an_export_outside_the_workspace_leaves_its_temporary_file_only_to_the_next_export",
    "test_an_image_in_a_comment_is_shown_as_written_in_every_output",
    "test_an_import_interrupted_before_its_commit_changes_nothing",
    "test_an_import_interrupted_once_committed_says_it_is_recorded",
    "test_an_import_interrupted_while_git_runs_says_what_it_left",
    "test_an_imported_law_is_adopted_on_the_date_it_was_signed", "test_an_inserted_provision_is_all_insertion",
    "test_an_instruction_rewritten_by_accepting_is_said_changed",
    "test_an_issued_decree_copy_imports_back_as_the_decree",
    "test_an_issued_party_copy_imports_back_as_the_regulation",
    "test_an_xlsx_unpacking_past_the_total_bound_is_refused",
    "test_any_text_reads_the_same_with_the_articles_of_another",
    "test_badges_count_the_comments_of_the_round_shown", "test_before_the_base_document_is_an_error",
    "test_both_sides_of_every_table_are_printed_whole", "test_bulk_counting_answers_as_the_plain_counting",
    "test_bulk_counting_answers_as_the_plain_counting_on_a_real_law",
    "test_check_reads_a_moved_amendment_at_the_path_it_had_in_each_commit",
    "test_check_tells_a_chain_too_long_once_at_the_profile_where_it_passes_the_bound",
    "test_check_warns_about_an_unanswered_proposal_that_drops_points",
    "test_choose_finds_what_walking_everything_finds",
    "test_choose_with_counts_kept_chooses_what_counting_everything_chooses",
    "test_comment_add_reads_only_the_comments_that_could_repeat_it",
    "test_comment_add_records_a_proposal_dropping_points_and_warns_at_its_file",
    "test_comments_on_a_title_are_listed_and_reported_after_the_article_and_before_its_clauses",
    "test_comments_the_office_imports_under_a_members_name_do_not_use_up_their_bound",
    "test_each_side_of_a_real_redline_reads_the_paragraphs_of_its_text", "test_each_side_reads_its_own_paragraphs",
    "test_editing_again_is_not_refused_for_the_renumbering_the_amendment_makes",
    "test_every_docx_style_has_a_name_in_the_document_s_language",
    "test_every_field_a_phrase_may_use_is_given_where_it_is_filled_in",
    "test_every_field_typed_in_nfd_is_recorded_in_nfc",
    "test_every_note_names_the_amending_law_by_number_and_title",
    "test_every_phrase_the_code_fills_in_has_its_fields_checked",
    "test_every_reference_to_check_in_a_real_amendment_is_located_at_its_provision",
    "test_every_refusal_the_library_lets_a_page_word_has_its_words_in_both_languages",
    "test_every_value_a_shipped_template_can_reach_is_a_value",
    "test_formatting_in_the_amending_documents_quoted_text_names_the_points",
    "test_formatting_only_changes_are_named_in_one_warning",
    "test_from_edits_and_its_commit_on_an_amendment_replacing_words_in_titles",
    "test_from_edits_writes_a_real_amendments_edits_as_it_does",
    "test_inline_text_without_markdown_syntax_is_what_markdown_it_gives",
    "test_instructions_renumbered_keep_their_lines_as_the_decree_spaced_them",
    "test_instructions_whose_change_stays_keep_their_wording",
    "test_luat_57_2024_instructions_16_and_19_are_generated_as_the_law_writes_them",
    "test_luat_cong_doan_prints_no_false_dash_item",
    "test_luat_thi_dua_prints_its_note_under_the_name_as_its_source_does",
    "test_marking_the_sentence_as_the_articles_closing_text_in_the_edited_text_alone_is_a_change",
    "test_near_changes_include_every_change_that_encloses_or_lies_inside",
    "test_new_instructions_stand_in_the_order_of_the_provisions_they_amend",
    "test_nghi_dinh_63_docx_printed_by_libreoffice_opens_no_line_with_an_en_dash",
    "test_nghi_dinh_63_prints_no_line_opening_with_an_en_dash",
    "test_numbers_are_kept_whole_in_the_body_between_its_scripts",
    "test_pdf_names_the_provision_again_on_each_page_its_comments_run_onto",
    "test_real_amending_documents_find_what_every_change_finds",
    "test_reordered_articles_over_the_pair_limit_are_paired_scoring_a_few_pairs_each",
    "test_reordered_articles_within_the_limit_cost_a_tenth_of_scoring_every_pair", "test_report_page_and_downloads",
    "test_syncs_killed_one_after_the_other_are_reported_together",
    "test_ten_thousand_lines_of_a_broken_syllable_read_as_one_word_in_proportion",
    "test_the_amending_law_s_basis_is_quoted_at_the_base_s_basis_in_every_format",
    "test_the_amendment_keeps_its_wording_an_insertion_and_a_repeal", "test_the_bit_levels_count_what_dice_counts",
    "test_the_characters_a_member_sends_in_a_round_are_bounded",
    "test_the_code_is_read_for_the_phrases_it_fills_in",
    "test_the_consolidated_pdf_repeats_the_names_of_the_columns_on_each_page",
    "test_the_consolidated_text_prints_the_appendices_after_the_signature_and_they_import_back",
    "test_an_appendix_is_a_heading_as_a_chapter_is_in_the_html_and_the_tagged_pdf",
    "test_the_consolidated_text_quotes_the_amending_documents_own_provisions_word_for_word",
    "test_the_decisions_text_is_applied_and_the_base_is_cited_with_its_decision",
    "test_the_english_48_2013_is_the_translation_of_the_vietnamese_one",
    "test_the_english_redline_reads_as_english",
    "test_the_government_s_name_over_the_decree_s_bases_is_kept_in_every_format",
    "test_the_index_finds_the_pairs_scoring_every_pair_finds",
    "test_the_index_pairs_the_articles_of_five_real_laws_as_scoring_every_pair",
    "test_the_inline_and_word_redlines_read_as_each_text_where_a_tone_mark_moved",
    "test_the_later_terms_adoption_has_a_tag_of_its_own", "test_the_legend_on_page_one_shows_each_mark_as_printed",
    "test_the_limit_counts_letters_in_nfc_and_a_longer_text_is_refused_with_it_kept",
    "test_the_office_accepts_a_proposal_on_one_dash_item_into_the_draft",
    "test_the_office_accepts_a_proposed_chapter_title",
    "test_the_office_accepts_a_proposed_title_which_renames_the_article_alone",
    "test_the_opening_keeps_its_term_whole_and_numbers_its_amending_documents",
    "test_the_real_amendments_are_labelled_as_their_instructions_read",
    "test_the_redline_and_the_consolidated_text_print_the_headings",
    "test_the_redline_of_the_adopted_law_by_its_name_is_its_table_before_and_after",
    "test_the_redline_pdf_is_tagged_and_its_pages_keep_their_text", "test_the_running_header_prints_from_page_2",
    "test_the_same_comment_recorded_in_two_clones_is_said_by_sync_and_warned_of_by_check",
    "test_the_shipped_templates_keep_well_within_on_the_shipped_regulation",
    "test_the_signature_block_takes_the_tables_last_row_to_its_page",
    "test_the_sync_after_a_killed_one_says_what_the_killed_one_brought_in",
    "test_the_table_quotes_each_text_as_written_where_only_a_tone_mark_moved",
    "test_the_tag_does_not_depend_on_which_term_was_adopted_first",
    "test_the_text_before_an_adoption_is_named_as_the_amendments_redline_names_it",
    "test_the_text_before_one_adoption_is_named_by_it_not_as_in_force",
    "test_the_unedited_preview_of_an_enacted_amendment_changes_nothing",
    "test_the_unedited_preview_of_the_shipped_amendment_changes_nothing",
    "test_the_workspace_settings_give_the_signer_and_recipients",
    "test_tiny_pages_of_a_template_override_are_stopped_with_a_sentence",
    "test_two_accepted_proposals_on_one_instruction_give_it_two_sentences_of_reason",
    "test_two_answers_to_one_comment_are_reported_as_answers",
    "test_two_dash_items_of_a_clause_amend_the_clause_whole_as_nghi_dinh_48_2013_writes_it",
    "test_two_machines_adopting_two_documents_of_one_number_keep_two_tags",
    "test_two_members_of_one_body_saying_the_same_words_are_two_comments",
    "test_what_the_form_lets_a_member_type_is_not_refused_for_its_size",
    "test_where_names_every_command_and_the_modules_that_add_to_it", "test_within_a_term_a_number_still_clashes",
    "test_word_comments_on_heading_lines_are_on_their_titles",
    "test_words_added_in_a_title_and_its_clauses_are_one_phrase_instruction_that_cuts_no_word",
    # mis39's: a round closed, a status set, two adoptions refused (0.7 s).
    "test_round_close_and_adoption_refuse_and_change_nothing",
    "test_a_stray_uncommitted_edit_of_the_regulation_is_refused_not_built_on",  # three from-edits (0.55 s)
    "test_sigterm_and_sighup_during_an_import_are_handled_as_ctrl_c",  # a regdraft process each (4-5 s of wall time)
    "test_cancelling_a_finished_adoption_names_the_way_back",  # an adoption (1 s)
    "test_a_copy_of_a_regulation_in_its_folder_is_not_to_be_renamed_over_it",  # check of a second copy (0.8 s)
    # cc39's: seven review pages, the deleted comment file restored between them (0.53 s).
    "test_the_office_reads_the_sentence_with_its_git_and_the_pages_come_back",
    "test_the_comparison_tables_line_names_the_old_text_as_its_heading_does",  # two table PDFs (2 s)
    # office42's: an amendment started, refused and given a status (0.9 s).
    "test_the_commit_amend_new_advises_lets_the_next_command_through",
    "test_words_replaced_and_added_in_one_clause_are_labelled_both",  # a law imported, three redlines (3.4 s)
    "test_check_notes_how_many_provisions_pending_drafts_both_change",  # two checks (0.75 s of CPU)
    # sec43's: two adoptions of a 1,100-word sentence and a review (1.2 s).
    "test_a_quote_too_long_to_compare_word_by_word_is_a_warning_not_silence",
})

SLOW_MODULES = _LISTED_MODULES | _MEASURED_MODULES
SLOW_TESTS = _LISTED_TESTS | _MEASURED_TESTS
