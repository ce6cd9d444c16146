"""The file to hand to ``spark-submit``: it runs ``docscreen spark-scan`` with the arguments given.

    spark-submit --master yarn --deploy-mode client \\
        "$(python -m docscreen.spark_submit --path)" 's3a://bucket/uploads/*' --output s3a://bucket/verdicts

``python -m docscreen.spark_submit --path`` prints where this file is. Executors need docscreen
(with its ``spark`` extra) importable by the Python that ``PYSPARK_PYTHON`` names.
"""

import sys

if __name__ == "__main__":
    if sys.argv[1:] == ["--path"]:
        print(__file__)
    else:
        from docscreen.cli import main

        main(["spark-scan", *sys.argv[1:]], prog_name="docscreen spark-scan")
